package org.sdqkd.benchmarks.restconf;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.KeyAssociations;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.KeyAssociationsBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociation;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociationBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociationKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.MasterBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.SlaveBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.DirectBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Link;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.EndpointABuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.EndpointBBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.KmeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.HttpsUrl;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.KmeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/**
 * The benchmark's data, built with the generated bindings of the project's models: an {@code sdqkd-network} of
 * {@code nodes} nodes in a ring (each with its SAEs, each joined to the next by a link) and {@code
 * sdqkd-key-association} entries between neighbours over their direct link. Every entry is checked at commit by the
 * list's {@code unique "master/sae-id slave/sae-id"}, the leafrefs to nodes and links, the {@code must}s that the SAEs
 * are at their nodes and that the link joins them, the pattern and length of its name and the ranges of its rate and
 * sizes. The request bodies are written from bindings by yangtools' own JSON writer.
 */
final class AssociationData {
    private static final DataObjectIdentifier<Network> NETWORK = DataObjectIdentifier.builder(Network.class).build();
    private static final DataObjectIdentifier<KeyAssociations> ASSOCIATIONS =
        DataObjectIdentifier.builder(KeyAssociations.class).build();

    private final EffectiveModelContext context;
    private final BindingDataCodec codec;
    private final int nodes;
    private final int saes;

    private AssociationData(final EffectiveModelContext context, final int nodes, final int entries) {
        this.context = context;
        this.codec = ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext());
        this.nodes = nodes;
        // enough SAEs per node that every association has its own (master SAE, slave SAE) pair
        this.saes = Math.max(1, (int) Math.ceil(Math.sqrt((double) entries / nodes)));
    }

    /**
     * The data of a benchmark.
     *
     * @param context the served models (they must hold sdqkd-network and sdqkd-key-association)
     * @param nodes   how many nodes the ring has (at least 3)
     * @param entries how many key associations there will be
     * @return the data
     */
    static AssociationData of(final EffectiveModelContext context, final int nodes, final int entries) {
        if (nodes < 3) {
            throw new IllegalArgumentException("a ring needs 3 nodes or more: " + nodes);
        }
        return new AssociationData(context, nodes, entries);
    }

    /**
     * Writes the network and {@code entries} key associations into running in one commit.
     *
     * @param datastores the datastores
     * @param entries    how many key associations
     * @throws DatastoreException when the datastore refuses them
     */
    void load(final Datastores datastores, final int entries) throws DatastoreException {
        final Map<KeyAssociationKey, KeyAssociation> list = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            final KeyAssociation association = association(i);
            list.put(association.key(), association);
        }
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            tx.write(codec.nodeSerializer().toYangInstanceIdentifier(NETWORK), normalized(NETWORK, network()));
            tx.write(codec.nodeSerializer().toYangInstanceIdentifier(ASSOCIATIONS), normalized(ASSOCIATIONS,
                new KeyAssociationsBuilder().setKeyAssociation(list).build()));
            tx.commit();
        }
    }

    /** The API path of the key association list's container, {@code module:key-associations}. */
    String listPath() {
        return moduleName(KeyAssociations.QNAME) + ":" + KeyAssociations.QNAME.getLocalName();
    }

    /** The API path of one key association. */
    String entryPath(final int index) {
        return listPath() + "/" + KeyAssociation.QNAME.getLocalName() + "=" + name(index);
    }

    /**
     * A plain PATCH body (RFC 8040 section 4.6.1) for {@link #entryPath}: the entry with its key and a new key rate,
     * nothing else, in RFC 7951 JSON.
     *
     * @param index which entry
     * @param rate  the new rate, bit/s
     * @return the body
     */
    byte[] rateBody(final int index, final long rate) {
        final KeyAssociation change = new KeyAssociationBuilder().setName(name(index))
            .setKeyRate(new BitRate(Uint64.valueOf(rate))).build();
        final MapEntryNode entry = (MapEntryNode) normalized(ASSOCIATIONS.toBuilder()
            .child(KeyAssociation.class, change.key()).build(), change);
        final SchemaInferenceStack parent = SchemaInferenceStack.of(context);
        parent.enterSchemaTree(KeyAssociations.QNAME);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            final JsonWriter json = JsonWriterFactory.createJsonWriter(
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
                    JSONNormalizedNodeStreamWriter.createExclusiveWriter(
                        JSONCodecFactorySupplier.RFC7951.getShared(context), parent.toInference(), null, json))) {
                writer.write(ImmutableNodes.newSystemMapBuilder()
                    .withNodeIdentifier(NodeIdentifier.create(KeyAssociation.QNAME)).withChild(entry).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private Network network() {
        final Map<NodeKey, Node> nodeList = new HashMap<>();
        final Map<LinkKey, Link> links = new HashMap<>();
        for (int n = 0; n < nodes; n++) {
            final Set<SaeId> saeIds = new java.util.HashSet<>();
            for (int s = 0; s < saes; s++) {
                saeIds.add(sae(n, s));
            }
            final Node node = new NodeBuilder().setNodeId(nodeId(n)).setName("node-" + n)
                .setNetconf(new NetconfBuilder().setHost(new Host(new IpAddress(new Ipv4Address("127.0.0.1"))))
                    .setPort(new PortNumber(Uint16.valueOf(8300 + n % 1000))).setUsername("sdqkd").build())
                .setKme(new KmeBuilder().setKmeId(new KmeId("kme-" + n))
                    .setUrl(new HttpsUrl("https://127.0.0.1:" + (9443 + n % 1000))).build())
                .setSaeId(saeIds).build();
            nodeList.put(node.key(), node);
            final Link link = new LinkBuilder().setLinkId(linkId(n))
                .setEndpointA(new EndpointABuilder().setNode(nodeId(n)).build())
                .setEndpointB(new EndpointBBuilder().setNode(nodeId((n + 1) % nodes)).build()).build();
            links.put(link.key(), link);
        }
        return new NetworkBuilder().setNode(nodeList).setLink(links).build();
    }

    /** Association {@code i}: over link {@code i % nodes}, between SAEs chosen so that no pair repeats. */
    private KeyAssociation association(final int index) {
        final int link = index % nodes;
        final int round = index / nodes;
        return new KeyAssociationBuilder().setName(name(index))
            .setMaster(new MasterBuilder().setNode(nodeId(link)).setSaeId(sae(link, round % saes)).build())
            .setSlave(new SlaveBuilder().setNode(nodeId((link + 1) % nodes))
                .setSaeId(sae((link + 1) % nodes, round / saes % saes)).build())
            .setRoute(new DirectBuilder().setDirectLink(linkId(link)).build())
            .setKeyRate(new BitRate(Uint64.valueOf(1_000 + index % 1_000)))
            .build();
    }

    private <T extends DataObject> NormalizedNode normalized(final DataObjectIdentifier<T> id, final T object) {
        return codec.nodeSerializer().toNormalizedDataObject(id, object).node();
    }

    private String moduleName(final QName name) {
        return context.findModule(name.getModule()).orElseThrow().getName();
    }

    private static String name(final int index) {
        return String.format("ka-%05d", index);
    }

    private static SaeId sae(final int node, final int index) {
        return new SaeId(String.format("sae-%03d-%02d", node, index));
    }

    private static NodeId nodeId(final int node) {
        return new NodeId(String.format("00000000-0000-4000-8000-%012d", node));
    }

    private static LinkId linkId(final int link) {
        return new LinkId(String.format("00000000-0000-4000-9000-%012d", link));
    }
}
