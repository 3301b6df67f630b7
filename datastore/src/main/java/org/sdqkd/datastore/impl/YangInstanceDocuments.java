package org.sdqkd.datastore.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Node;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;

/** The instance document codec over the yangtools XML and JSON codecs. */
public final class YangInstanceDocuments implements InstanceDocumentCodec {
    private final XmlDocuments xml;
    private final JsonDocuments json;

    /**
     * A codec for the given models.
     *
     * @param context the models
     */
    public YangInstanceDocuments(final EffectiveModelContext context) {
        xml = new XmlDocuments(context);
        json = new JsonDocuments(context);
    }

    @Override
    public ContainerNode read(final Reader in, final DocumentFormat format) throws DocumentException, IOException {
        final StringWriter text = new StringWriter();
        in.transferTo(text);
        return switch (format) {
            case XML -> xml.read(text.toString());
            case JSON -> json.read(text.toString());
        };
    }

    @Override
    public void write(final ContainerNode root, final DocumentFormat format, final Writer out) throws IOException {
        switch (format) {
            case XML -> xml.write(root, out);
            case JSON -> json.write(root, out);
        }
    }

    @Override
    public void writeXml(final ContainerNode root, final Node parent) {
        xml.write(root, parent);
    }
}
