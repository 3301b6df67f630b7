package org.sdqkd.restconf.gateway.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The test model {@code gateway-test} (src/test/resources/models): ordered-by user lists and leaf-lists, defaults,
 * RPCs and an action, which the project's models lack. It is served together with every model on the class path.
 */
final class TestModule {
    /** The module's name and revision. */
    static final QNameModule MODULE = QNameModule.of(XMLNamespace.of("urn:sdqkd:test:gateway"),
        Revision.of("2026-12-07"));
    /** The module's name, the prefix of API paths. */
    static final String NAME = "gateway-test";
    /** The project's models and the test module. */
    static final EffectiveModelContext CONTEXT = context();

    private TestModule() {
        // no instances
    }

    /** A QName of the test module. */
    static QName qname(final String localName) {
        return QName.create(MODULE, localName);
    }

    /** The container {@code top}. */
    static final QName TOP = qname("top");
    /** The ordered-by user list {@code rule}. */
    static final QName RULE = qname("rule");
    /** The ordered-by user leaf-list {@code tag}. */
    static final QName TAG = qname("tag");

    /** An entry of the ordered-by user list {@code rule}. */
    static MapEntryNode rule(final String name) {
        final QName key = qname("name");
        return ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(RULE, key, name))
            .withChild(ImmutableNodes.leafNode(key, name)).build();
    }

    /** An entry of the ordered-by user leaf-list {@code tag}. */
    static LeafSetEntryNode<String> tag(final String value) {
        return ImmutableNodes.leafSetEntry(TAG, value);
    }

    /** The keys of the {@code rule} entries, in order, in {@code top} as the gateway answers it. */
    static List<String> ruleNames(final GatewayHarness gateway, final Encoding encoding) {
        return children(gateway, encoding, RULE).stream()
            .map(entry -> ((MapEntryNode) entry).name().getValue(qname("name")).toString()).toList();
    }

    /** The {@code tag} values, in order, in {@code top} as the gateway answers it. */
    static List<String> tags(final GatewayHarness gateway, final Encoding encoding) {
        return children(gateway, encoding, TAG).stream()
            .map(entry -> ((LeafSetEntryNode<?>) entry).body().toString()).toList();
    }

    private static List<NormalizedNode> children(final GatewayHarness gateway, final Encoding encoding,
            final QName list) {
        final HttpResponse<String> answer = gateway.get(NAME + ":top", encoding);
        if (answer.statusCode() == 404) {
            return List.of();
        }
        final ContainerNode top = (ContainerNode) TestModels.parse(CONTEXT, answer.body(), List.of(TOP), encoding);
        return top.findChildByArg(new NodeIdentifier(list))
            .map(found -> List.<NormalizedNode>copyOf(((NormalizedNodeContainer<?>) found).body())).orElse(List.of());
    }

    private static EffectiveModelContext context() {
        final List<YangModuleInfo> infos = new ArrayList<>(BindingRuntimeHelpers.loadModuleInfos());
        infos.add(new YangModuleInfo() {
            @Override
            public QName getName() {
                return QName.create(MODULE, NAME);
            }

            @Override
            public InputStream openYangTextStream() throws IOException {
                final InputStream in = TestModule.class.getResourceAsStream("/models/gateway-test@2026-12-07.yang");
                if (in == null) {
                    throw new IOException("the test model is not on the class path");
                }
                return in;
            }
        });
        return BindingRuntimeHelpers.createEffectiveModel(infos);
    }
}
