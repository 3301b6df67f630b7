package org.sdqkd.qkd.node.impl.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.testing.TestPki;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.sdqkd.qkd.node.api.NodeAgentSettings;

/** A NETCONF agent with the node agent bridge over a {@link FakeKeyPlane}, and a client session subscribed to it. */
final class AgentHarness implements AutoCloseable {
    static final UUID SELF = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    static final UUID REMOTE = UUID.fromString("c127b8fa-208c-451e-9f8c-3fd1e5108200");
    static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** The ETSI GS QKD 015 node module's namespace. */
    static final String ETSI = "urn:etsi:qkd:yang:etsi-qkd-node";
    /** The ETSI GS QKD 015 types module's namespace (prefix {@code etsi-qkdn-types}). */
    static final String ETSI_TYPES = "urn:etsi:qkd:yang:etsi-qkd-node-types";
    /** sdqkd's node augment's namespace. */
    static final String SDQKD_NODE = "urn:sdqkd:yang:sdqkd-qkd-node";
    private static final SafeXml PARSER = SafeXml.of(XmlLimits.DEFAULT);
    private static final Duration WAIT = Duration.ofSeconds(20);

    final TestAgent agent;
    final FakeKeyPlane plane = new FakeKeyPlane();
    final NodeAgent bridge;
    final NetconfClient client;
    final NetconfSession session;
    final NetconfOperations ops;
    final List<Notification> notifications = new CopyOnWriteArrayList<>();

    private AgentHarness(final TestAgent agent, final Path pki, final NodeAgentSettings settings)
            throws Exception {
        this.agent = agent;
        this.bridge = NodeAgent.start(agent.agent(), plane, new NodeIdentity(SELF, "almagro", "kme-almagro",
            TestPki.create(pki, "Test CA").node("almagro", SELF)), settings);
        this.client = NetconfClient.create();
        this.session = client.connect(ConnectOptions.builder("127.0.0.1", agent.port(), TestAgent.USER)
            .password(TestAgent.USER.toCharArray()).hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(WAIT).helloTimeout(WAIT).rpcTimeout(WAIT).build()).get(30, TimeUnit.SECONDS);
        this.ops = new NetconfOperations(session);
        session.addNotificationListener(notifications::add);
        ops.createSubscription(SubscriptionOptions.DEFAULT).get(30, TimeUnit.SECONDS);
    }

    /** Starts everything with short intervals: state 100 ms, performance updates unlimited, statistics 500 ms. */
    static AgentHarness start(final Path directory) throws Exception {
        return new AgentHarness(TestAgent.start(), directory.resolve("pki"),
            NodeAgentSettings.of(directory, TestTraces::read)
            .withIntervals(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(500)));
    }

    /** Parses XML text. */
    static XmlElement xml(final String text) {
        try {
            return XmlElement.of(PARSER.parse(text.getBytes(UTF_8)));
        } catch (org.sdqkd.netconf.protocol.api.XmlParseException e) {
            throw new AssertionError("bad test XML: " + text, e);
        }
    }

    /** Merges the children of {@code qkd_node} into running with edit-config. */
    void edit(final String qkdNodeChildren) throws Exception {
        ops.editConfig(Datastore.RUNNING, xml("<config xmlns='" + BASE + "'><qkd_node xmlns='" + ETSI
            + "' xmlns:etsi-qkdn-types='" + ETSI_TYPES + "' xmlns:sn='" + SDQKD_NODE + "'>"
            + "<qkdn_id>" + SELF + "</qkdn_id>" + qkdNodeChildren + "</qkd_node></config>"))
            .get(30, TimeUnit.SECONDS);
    }

    /** The {@code qkd_node} that {@code get} returns. */
    Element getQkdNode() throws Exception {
        final List<XmlElement> data = ops.get(Filter.subtree(xml("<qkd_node xmlns='" + ETSI + "'/>")))
            .get(30, TimeUnit.SECONDS);
        return data.stream().filter(e -> "qkd_node".equals(e.localName())).findFirst()
            .orElseThrow(() -> new AssertionError("no qkd_node in " + data)).toElement();
    }

    /** Waits until a condition holds. */
    static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits for a notification of that name whose event matches, and checks it against the model. */
    Element awaitNotification(final String name, final Predicate<Element> matches) throws InterruptedException {
        final List<Element> found = new ArrayList<>();
        await(() -> {
            notifications.stream().map(n -> n.event().toElement())
                .filter(e -> name.equals(e.getLocalName()) && matches.test(e)).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        }, "notification " + name + " (got " + names() + ")");
        validateNotification(agent.agent().models(), found.getFirst());
        return found.getFirst();
    }

    /** The names of the notifications received so far. */
    List<String> names() {
        return notifications.stream().map(n -> n.event().localName()).toList();
    }

    /** The text of the first descendant element with that local name, if any. */
    static Optional<String> text(final Element root, final String localName) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    return Optional.of(e.getTextContent().strip());
                }
                final Optional<String> deeper = text(e, localName);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    /** The name of an identity written as {@code prefix:name}. */
    static String identityName(final String value) {
        final String trimmed = value.strip();
        return trimmed.substring(trimmed.indexOf(':') + 1);
    }

    /** The first child element with that local name. */
    static Element child(final Element parent, final String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + localName + " in " + parent.getLocalName());
    }

    /** The {@code qkd_link} entry of a link in a {@code qkd_node}. */
    static Element linkEntry(final Element qkdNode, final UUID link) {
        return entry(qkdNode, "qkd_link", "qkdl_id", link.toString());
    }

    /** The list entry below {@code root} with that key value. */
    static Element entry(final Element root, final String list, final String key, final String value) {
        final List<Element> entries = new ArrayList<>();
        collect(root, list, entries);
        return entries.stream().filter(e -> text(e, key).filter(value::equals).isPresent()).findFirst()
            .orElseThrow(() -> new AssertionError("no " + list + " " + value));
    }

    private static void collect(final Element root, final String name, final List<Element> into) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (name.equals(e.getLocalName())) {
                    into.add(e);
                } else {
                    collect(e, name, into);
                }
            }
        }
    }

    /**
     * Checks a notification's element against its definition in the models (strict yangtools parsing: every element
     * known, every value of its type, identities resolved through their prefixes).
     */
    static void validateNotification(final EffectiveModelContext models, final Element event) {
        // the module of the notification's namespace (ETSI's, or an sdqkd module's such as sdqkd-routing)
        final QName name = QName.create(models.findModules(XMLNamespace.of(event.getNamespaceURI())).iterator()
            .next().getQNameModule(), event.getLocalName());
        final NormalizationResultHolder result = new NormalizationResultHolder();
        try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(result),
                SchemaInferenceStack.of(models, Absolute.of(name)).toInference())) {
            parser.traverse(new DOMSource(event));
        } catch (Exception e) {
            throw new AssertionError("notification " + event.getLocalName() + " does not fit the model: " + e, e);
        }
    }

    @Override
    public void close() {
        client.close();
        bridge.close();
        agent.close();
    }
}
