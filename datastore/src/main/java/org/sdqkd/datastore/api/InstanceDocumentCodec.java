package org.sdqkd.datastore.api;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Node;

/**
 * Reads and writes YANG instance documents: the data of one or more top-level nodes, XML (RFC 7950)
 * or JSON (RFC 7951). The data is held as the datastore root container, whose children are the
 * top-level nodes.
 */
public interface InstanceDocumentCodec {
    /**
     * Reads a document. Values are checked against their types (range, length, pattern, enumeration,
     * identity base), and unknown nodes are refused.
     *
     * @param in     the document text
     * @param format its encoding
     * @return the datastore root holding the document's top-level nodes
     * @throws DocumentException when the document is malformed or breaks the model; the error names the
     *                           path of the node at fault
     * @throws IOException       when {@code in} fails
     */
    ContainerNode read(Reader in, DocumentFormat format) throws DocumentException, IOException;

    /**
     * Writes the top-level nodes held by a datastore root. XML output with several top-level nodes has
     * one element per node, without a wrapper; JSON output is one object.
     *
     * @param root   the datastore root
     * @param format the encoding
     * @param out    where to write
     * @throws IOException when {@code out} fails
     */
    void write(ContainerNode root, DocumentFormat format, Writer out) throws IOException;

    /**
     * Appends the top-level nodes held by a datastore root, as XML elements, to a DOM node: the same XML as
     * {@link #write(ContainerNode, DocumentFormat, Writer)} writes, without text in between.
     *
     * @param root   the datastore root
     * @param parent the DOM element or document to append to
     */
    void writeXml(ContainerNode root, Node parent);
}
