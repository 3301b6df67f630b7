package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;

class SecretSplitterTest {
    private static final SecretSchema SCHEMA = SecretSchema.of(TestData.CONTEXT);

    @Test
    void defaultDenyAllLeavesOfThePotProfilesAreSplitOutWithTheKeysLeadingToThem() {
        final ContainerNode root = TestData.counterRoot(77);

        final SecretSplitter.Split split = SecretSplitter.split(root, SCHEMA);

        assertEquals(List.of(), leafNames(split.clear()).stream()
            .filter(Set.of("prime-number", "secret-share", "validator-key")::contains).toList());
        assertEquals(new TreeSet<>(Set.of("pot-profile-name", "pot-profile-index", "prime-number", "secret-share",
            "validator-key")), new TreeSet<>(leafNames(split.secrets().orElseThrow())));
        assertEquals(root, merge(split.clear(), split.secrets()));
    }

    @Test
    void dataWithoutSecretsIsLeftAsItIs() {
        final ContainerNode root = TestData.root(TestData.sshQkd(4096));

        final SecretSplitter.Split split = SecretSplitter.split(root, SCHEMA);

        assertTrue(split.clear() == root, "no copy is made");
        assertEquals(Optional.empty(), split.secrets());
    }

    private static Set<String> leafNames(final NormalizedNode node) {
        final Set<String> names = new TreeSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(final NormalizedNode node, final Set<String> names) {
        if (node instanceof LeafNode<?> leaf) {
            names.add(leaf.name().getNodeType().getLocalName());
        } else if (node instanceof DistinctNodeContainer<?, ?> container) {
            container.body().forEach(child -> collect(child, names));
        }
    }

    private static ContainerNode merge(final ContainerNode clear, final Optional<ContainerNode> secrets) {
        final DataTree tree = new InMemoryDataTreeFactory().create(DataTreeConfiguration.builder(
            TreeType.CONFIGURATION).setMandatoryNodesValidation(false).build(), TestData.CONTEXT);
        final DataTreeModification modification = tree.takeSnapshot().newModification();
        modification.write(YangInstanceIdentifier.of(), clear);
        secrets.ifPresent(s -> modification.merge(YangInstanceIdentifier.of(), s));
        modification.ready();
        return (ContainerNode) modification.readNode(YangInstanceIdentifier.of()).orElseThrow();
    }
}
