package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * Recognises the data resource of an action (RFC 8040 section 3.6): an API path whose last segment names an action of
 * the data node the rest of the path names, such as {@code module:top/device=d1/reset}.
 */
final class ActionResolver {
    private final ApiPathParser parser;
    private final EffectiveModelContext models;

    /**
     * An action invocation.
     *
     * @param node      the data node the action is invoked on
     * @param operation the action's schema path
     */
    record Action(ApiPath node, Absolute operation) {
        Action {
            requireNonNull(node);
            requireNonNull(operation);
        }
    }

    ActionResolver(final ApiPathParser parser, final EffectiveModelContext models) {
        this.parser = requireNonNull(parser);
        this.models = requireNonNull(models);
    }

    /**
     * The action an API path names, if it names one.
     *
     * @param apiPath the path below {@code {+restconf}/data}, still percent-encoded
     * @return the action, empty when the path does not end in an action
     */
    Optional<Action> find(final String apiPath) {
        final int slash = apiPath.lastIndexOf('/');
        if (slash < 0 || apiPath.indexOf('=', slash) >= 0) {
            return Optional.empty();
        }
        final String name = URLDecoder.decode(apiPath.substring(slash + 1), StandardCharsets.UTF_8);
        final ApiPath node;
        try {
            node = parser.parse(apiPath.substring(0, slash));
        } catch (RestconfException e) {
            return Optional.empty();
        }
        if (!(node.schema().dataSchemaNode() instanceof ActionNodeContainer container)) {
            return Optional.empty();
        }
        final int colon = name.indexOf(':');
        final String localName = name.substring(colon + 1);
        for (ActionDefinition action : container.getActions()) {
            final QName qname = action.getQName();
            final boolean moduleMatches = colon < 0 ? qname.getModule().equals(parentModule(node))
                : models.findModule(qname.getModule()).map(module -> module.getName().equals(name.substring(0, colon)))
                    .orElse(Boolean.FALSE);
            if (qname.getLocalName().equals(localName) && moduleMatches) {
                final List<QName> steps = new ArrayList<>(node.stack().toSchemaNodeIdentifier().getNodeIdentifiers());
                steps.add(qname);
                return Optional.of(new Action(node, Absolute.of(steps)));
            }
        }
        return Optional.empty();
    }

    private static QNameModule parentModule(final ApiPath node) {
        return node.schema().dataSchemaNode().getQName().getModule();
    }
}
