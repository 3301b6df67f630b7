package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationResult;

/**
 * Validating a change must give the same verdict and errors as validating the data after it in full:
 * checked over a seeded random sequence of edits that break and repair must, when, leafref, unique and
 * mandatory constraints.
 */
class ChangeValidationTest {
    private static final String NS = "urn:test:change";
    private static final QName INVENTORY = QName.create(NS, "inventory");
    private static final QName PORT = QName.create(NS, "port");
    private static final QName NAME = QName.create(NS, "name");
    private static final QName SPEED = QName.create(NS, "speed");
    private static final QName FLOWS = QName.create(NS, "flows");
    private static final QName MAX_FLOWS = QName.create(NS, "max-flows");
    private static final QName FLOW = QName.create(NS, "flow");
    private static final QName ID = QName.create(NS, "id");
    private static final QName KIND = QName.create(NS, "kind");
    private static final QName PORT_REF = QName.create(NS, "port");
    private static final QName RATE = QName.create(NS, "rate");
    private static final QName GROUP = QName.create(NS, "group");
    private static final QName BACKUP = QName.create(NS, "backup");

    private static EffectiveModelContext context;

    @BeforeAll
    static void parseModel() throws Exception {
        context = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(new URLYangTextSource(ChangeValidationTest.class.getResource("/change/change-test.yang")))
            .buildEffectiveModel();
    }

    @Test
    void changeValidationAgreesWithFullValidation() throws Exception {
        final DataTreeValidator incremental = new DataTreeValidator(context);
        final DataTreeValidator full = new DataTreeValidator(context);
        final DataTree tree = new InMemoryDataTreeFactory().create(DataTreeConfiguration.builder(TreeType.OPERATIONAL)
            .setMandatoryNodesValidation(false).build(), context);
        ContainerNode before = commit(tree, YangInstanceIdentifier.of(), initial());
        assertTrue(incremental.validate(before).isValid());

        final Random random = new Random(42);
        int accepted = 0;
        int refused = 0;
        for (int step = 0; step < 400; step++) {
            final var snapshot = tree.takeSnapshot();
            final DataTreeModification modification = snapshot.newModification();
            final YangInstanceIdentifier changed = randomEdit(random, modification,
                path -> snapshot.readNode(path).isPresent());
            modification.ready();
            tree.validate(modification);
            final var candidate = tree.prepare(modification);
            final ContainerNode after = (ContainerNode) candidate.getRootNode().dataAfter();

            final ValidationResult byChange = incremental.validateChange(before, after, List.of(changed));
            final ValidationResult byFull = full.validate(after);
            assertEquals(summary(byFull), summary(byChange), "step " + step + " changing " + changed);
            if (byChange.isValid()) {
                tree.commit(candidate);
                before = after;
                accepted++;
            } else {
                refused++;
            }
        }
        assertTrue(accepted > 100 && refused > 50, accepted + " accepted, " + refused + " refused");
        assertEquals(1, incremental.fullValidations(), "changes fell back to full validation");
    }

    private static Set<String> summary(final ValidationResult result) {
        final Set<String> lines = new TreeSet<>();
        for (ValidationError error : result.errors()) {
            lines.add(error.path() + " " + error.tag().elementBody() + " " + error.appTag().orElse(""));
        }
        return lines;
    }

    /** Makes one random edit and returns its path. */
    private static YangInstanceIdentifier randomEdit(final Random random, final DataTreeModification mod,
            final Predicate<YangInstanceIdentifier> exists) {
        final long id = random.nextInt(30);
        final YangInstanceIdentifier flow = YangInstanceIdentifier.builder().node(FLOWS).node(FLOW)
            .nodeWithKey(FLOW, ID, Uint32.valueOf(id)).build();
        final String port = "p" + random.nextInt(6);
        final YangInstanceIdentifier portPath = YangInstanceIdentifier.builder().node(INVENTORY).node(PORT)
            .nodeWithKey(PORT, NAME, port).build();
        final int kind = random.nextInt(10);
        if (kind < 4 || kind == 8) {
            if (!exists.test(flow)) {
                return write(mod, flow, flowEntry(id, port, random.nextInt(1200)));
            }
        } else if (kind == 6 && !exists.test(portPath)) {
            return write(mod, portPath, portEntry(port, 500 + random.nextInt(700)));
        }
        return switch (kind) {
            case 0 -> write(mod, flow.node(RATE), leaf(RATE, Uint32.valueOf(random.nextInt(1200))));
            case 1 -> write(mod, flow.node(KIND), leaf(KIND, random.nextBoolean() ? "multicast" : "unicast"));
            case 2 -> write(mod, flow.node(GROUP), leaf(GROUP, "g" + random.nextInt(3)));
            case 3 -> exists.test(flow.node(GROUP)) ? delete(mod, flow.node(GROUP))
                : write(mod, flow.node(GROUP), leaf(GROUP, "g0"));
            case 4 -> write(mod, flow, flowEntry(id, port, random.nextInt(1200)));
            case 5 -> exists.test(flow) ? delete(mod, flow) : write(mod, flow, flowEntry(id, port, 10));
            case 6 -> write(mod, portPath.node(SPEED), leaf(SPEED, Uint32.valueOf(random.nextInt(1200))));
            case 7 -> random.nextBoolean() && exists.test(portPath) ? delete(mod, portPath)
                : write(mod, portPath, portEntry(port, 500 + random.nextInt(700)));
            case 8 -> write(mod, flow.node(BACKUP), leaf(BACKUP, Uint32.valueOf(random.nextInt(30))));
            default -> write(mod, YangInstanceIdentifier.of(FLOWS, MAX_FLOWS),
                leaf(MAX_FLOWS, Uint32.valueOf(10 + random.nextInt(30))));
        };
    }

    private static YangInstanceIdentifier write(final DataTreeModification mod, final YangInstanceIdentifier path,
            final NormalizedNode data) {
        mod.write(path, data);
        return path;
    }

    private static YangInstanceIdentifier delete(final DataTreeModification mod, final YangInstanceIdentifier path) {
        mod.delete(path);
        return path;
    }

    private static NormalizedNode leaf(final QName name, final Object value) {
        return ImmutableNodes.leafNode(name, value);
    }

    private static NormalizedNode flowEntry(final long id, final String port, final int rate) {
        return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(
                YangInstanceIdentifier.NodeIdentifierWithPredicates.of(FLOW, ID, Uint32.valueOf(id)))
            .withChild(ImmutableNodes.leafNode(ID, Uint32.valueOf(id)))
            .withChild(ImmutableNodes.leafNode(PORT_REF, port))
            .withChild(ImmutableNodes.leafNode(RATE, Uint32.valueOf(rate)))
            .build();
    }

    private static NormalizedNode portEntry(final String name, final int speed) {
        return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(
                YangInstanceIdentifier.NodeIdentifierWithPredicates.of(PORT, NAME, name))
            .withChild(ImmutableNodes.leafNode(NAME, name))
            .withChild(ImmutableNodes.leafNode(SPEED, Uint32.valueOf(speed)))
            .build();
    }

    private static ContainerNode initial() throws Exception {
        final StringBuilder xml = new StringBuilder("<inventory xmlns=\"" + NS + "\">");
        for (int p = 0; p < 6; p++) {
            xml.append("<port><name>p").append(p).append("</name><speed>1000</speed></port>");
        }
        xml.append("</inventory><flows xmlns=\"" + NS + "\">");
        for (int f = 0; f < 20; f++) {
            xml.append("<flow><id>").append(f).append("</id><port>p").append(f % 6).append("</port><rate>")
                .append(100 + f).append("</rate></flow>");
        }
        xml.append("</flows>");
        return new YangInstanceDocuments(context).read(new StringReader(xml.toString()), DocumentFormat.XML);
    }

    private static ContainerNode commit(final DataTree tree, final YangInstanceIdentifier path,
            final ContainerNode data) throws Exception {
        final DataTreeModification mod = tree.takeSnapshot().newModification();
        mod.write(path, data);
        mod.ready();
        tree.validate(mod);
        final var candidate = tree.prepare(mod);
        tree.commit(candidate);
        return (ContainerNode) candidate.getRootNode().dataAfter();
    }

}
