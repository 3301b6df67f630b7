package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.Datastores;

/** The order of ordered-by user leaf-lists is data: a commit that only reorders one is a change, and is kept. */
final class SameContentTest extends OpenDatastores {
    private static final QName SSH_QKD = QName.create(TestData.SSH_QKD, "ssh-qkd");
    private static final QName METHOD = QName.create(TestData.SSH_QKD, "method");
    private static final YangInstanceIdentifier METHODS = YangInstanceIdentifier.of(SSH_QKD, METHOD);
    private static final QName FIRST = QName.create(TestData.SSH_QKD, "x25519-qkd");
    private static final QName SECOND = QName.create(TestData.SSH_QKD, "mlkem768-x25519-qkd");

    @Test
    void aReorderedUserLeafListIsNotTheSameContent() {
        final ContainerNode before = root(FIRST, SECOND);
        final ContainerNode after = root(SECOND, FIRST);
        assertEquals(before, after, "yangtools' equals ignores the order of a leaf-list");
        assertFalse(SameContent.of(before, after));
        assertTrue(SameContent.of(before, root(FIRST, SECOND)));
        assertFalse(SameContent.of(before, root(FIRST)));
    }

    @Test
    @DisplayName("issue 14: a commit that only reorders an ordered-by user leaf-list is kept, also after a restart")
    void aCommitThatOnlyReordersALeafListIsKept() throws DatastoreException {
        write(methods(FIRST, SECOND));
        write(methods(SECOND, FIRST));
        assertEquals(List.of(SECOND, FIRST), order(datastores));
        datastores.close();
        datastores = Datastores.open(directory, TestData.CONTEXT);
        assertEquals(List.of(SECOND, FIRST), order(datastores));
    }

    private void write(final NormalizedNode methods) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            tx.write(YangInstanceIdentifier.of(SSH_QKD), ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(SSH_QKD)).withChild((LeafSetNode<?>) methods)
                .withChild(ImmutableNodes.leafNode(QName.create(TestData.SSH_QKD, "policy"), "off")).build());
            tx.commit();
        }
    }

    private static List<Object> order(final Datastores datastores) {
        final LeafSetNode<?> set = (LeafSetNode<?>) datastores.snapshot(DatastoreName.RUNNING).read(METHODS)
            .orElseThrow();
        return set.body().stream().map(entry -> (Object) entry.body()).toList();
    }

    private static LeafSetNode<QName> methods(final QName... values) {
        final var builder = ImmutableNodes.<QName>newUserLeafSetBuilder()
            .withNodeIdentifier(new NodeIdentifier(METHOD));
        for (QName value : values) {
            builder.withChild(ImmutableNodes.leafSetEntry(METHOD, value));
        }
        return builder.build();
    }

    private static ContainerNode root(final QName... values) {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(SchemaContext.NAME))
            .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(SSH_QKD))
                .withChild(methods(values)).build()).build();
    }
}
