package org.sdqkd.nacm;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.nacm.api.AccessControl;

/**
 * The project's models, the shipped example roles and the example data (an ETSI 015 node, key associations and
 * proof-of-transit profiles with secret leaves) in an operational datastore (structure-checked, state data
 * allowed), and an engine over it.
 */
final class NacmFixture implements AutoCloseable {
    static final String ETSI = "urn:etsi:qkd:yang:etsi-qkd-node";
    static final String POT = "urn:ietf:params:xml:ns:yang:ietf-pot-profile";
    static final String ACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";
    private static final Path EXAMPLES_DIR = Path.of(System.getProperty("sdqkd.examples.dir",
        "../yang/src/test/resources/examples"));
    /** The example roles shipped with the node and controller configuration. */
    static final Path ROLES = EXAMPLES_DIR.resolve("../../../../../features/src/main/config/nacm-roles.xml")
        .normalize();
    private static final Path EXAMPLES = EXAMPLES_DIR.resolve("valid");
    private static final EffectiveModelContext MODELS = YangModels.projectModels();
    private static final BindingNormalizedNodeSerializer CODEC = ServiceLoader.load(BindingDataCodecFactory.class)
        .findFirst().orElseThrow().newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext()).nodeSerializer();

    private final Datastores datastores;
    private final InstanceDocumentCodec documents;
    private final AccessControl engine;

    NacmFixture(final Path directory) throws IOException, DatastoreException, DocumentException {
        this.datastores = Datastores.open(directory, MODELS);
        this.documents = YangModels.documentCodec(MODELS);
        for (Path file : new Path[] {ROLES, EXAMPLES.resolve("etsi-qkd-node.xml"),
            EXAMPLES.resolve("pot-profile.xml"), EXAMPLES.resolve("network.xml"),
            EXAMPLES.resolve("key-associations.xml")}) {
            merge(Files.readString(file));
        }
        this.engine = Nacm.engine(MODELS, CODEC, () -> datastores.snapshot(DatastoreName.OPERATIONAL).root());
    }

    static EffectiveModelContext models() {
        return MODELS;
    }

    AccessControl engine() {
        return engine;
    }

    ContainerNode root() {
        return datastores.snapshot(DatastoreName.OPERATIONAL).root();
    }

    /** Merges a document into the datastore the engine reads its rules from. */
    void merge(final String xml) throws IOException, DatastoreException, DocumentException {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(YangInstanceIdentifier.of(), documents.read(new StringReader(xml), DocumentFormat.XML));
            tx.commit();
        }
    }

    /** The root a merge of a document would leave, without committing it. */
    ContainerNode afterMerge(final String xml) throws IOException, DatastoreException, DocumentException {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(YangInstanceIdentifier.of(), documents.read(new StringReader(xml), DocumentFormat.XML));
            return (ContainerNode) tx.read(YangInstanceIdentifier.of()).orElseThrow();
        }
    }

    /** The root a delete would leave, without committing it. */
    ContainerNode afterDelete(final YangInstanceIdentifier path) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.delete(path);
            return (ContainerNode) tx.read(YangInstanceIdentifier.of()).orElseThrow();
        }
    }

    /** A name in the module of a namespace, with the module's revision, as the data trees carry it. */
    static QName qname(final String namespace, final String name) {
        return MODELS.getModules().stream().filter(m -> m.getNamespace().toString().equals(namespace)).findFirst()
            .map(m -> QName.create(m.getQNameModule(), name)).orElseGet(() -> QName.create(namespace, name));
    }

    @Override
    public void close() {
        datastores.close();
    }
}
