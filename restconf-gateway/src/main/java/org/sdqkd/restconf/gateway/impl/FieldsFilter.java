package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * {@code fields} (RFC 8040 section 4.8.3): the target with only the selected descendants (and the keys of the list
 * entries on the way). Names without a module belong to their parent's module; the first level under the datastore
 * root must name its module. A name that is not a child of its parent in the models answers 400 invalid-value.
 */
final class FieldsFilter {
    /** A selection resolved against the models: the selected children by name; none selects everything. */
    private record Selection(Map<QName, Selection> children) {
    }

    private final EffectiveModelContext models;

    FieldsFilter(final EffectiveModelContext models) {
        this.models = requireNonNull(models);
    }

    /**
     * The target with the selected descendants only.
     *
     * @param node       the target's data
     * @param target     the target
     * @param expression the parsed expression
     * @return the selected data
     * @throws RestconfException 400 invalid-value when the expression names a node the target does not have
     */
    NormalizedNode select(final NormalizedNode node, final ApiPath target, final FieldsExpression expression)
            throws RestconfException {
        if (!(node instanceof DataContainerNode container)) {
            throw invalid("the target has no child nodes to select");
        }
        final Optional<QNameModule> module = target.isRoot() ? Optional.empty()
            : Optional.of(target.schema().dataSchemaNode().getQName().getModule());
        return select(container, resolve(expression, entry(target.schema()), module));
    }

    private Selection resolve(final FieldsExpression expression, final DataSchemaContext parent,
            final Optional<QNameModule> parentModule) throws RestconfException {
        final Map<QName, Selection> children = new HashMap<>();
        for (var selected : expression.children().entrySet()) {
            final FieldsExpression.Name name = selected.getKey();
            final QNameModule module = name.module().isPresent() ? moduleNamed(name.module().orElseThrow())
                : parentModule.orElseThrow(() -> invalid("'" + name.name()
                    + "' must be qualified by its module name at the top level"));
            final QName qname = QName.create(module, name.name());
            final Optional<DataSchemaContext> child = parent instanceof DataSchemaContext.Composite composite
                ? SchemaChildren.find(composite, qname, new ArrayList<>()) : Optional.empty();
            if (child.isEmpty()) {
                throw invalid("there is no node " + name.module().map(m -> m + ":").orElse("") + name.name()
                    + " here");
            }
            children.put(qname, resolve(selected.getValue(), entry(child.orElseThrow()), Optional.of(module)));
        }
        return new Selection(children);
    }

    /** A list's schema context steps into its entries, whose children the selection names. */
    private static DataSchemaContext entry(final DataSchemaContext context) {
        if (context.dataSchemaNode() instanceof ListSchemaNode list && context instanceof DataSchemaContext.PathMixin
                mixin) {
            final DataSchemaContext entry = mixin.childByQName(list.getQName());
            return entry == null ? context : entry;
        }
        return context;
    }

    private QNameModule moduleNamed(final String name) throws RestconfException {
        return models.findModules(name).stream().findFirst().map(Module::getQNameModule)
            .orElseThrow(() -> invalid("there is no module " + name));
    }

    private static DataContainerNode select(final DataContainerNode node, final Selection selection) {
        if (selection.children().isEmpty()) {
            return node;
        }
        return Rebuild.container(node, child -> {
            if (child instanceof ChoiceNode choice) {
                final Rebuild.Kept kept = Rebuild.container(choice, grandChild -> keep(grandChild, selection));
                return kept.any() ? Optional.of(kept.node()) : Optional.empty();
            }
            return keep(child, selection);
        }).node();
    }

    private static Optional<NormalizedNode> keep(final NormalizedNode child, final Selection selection) {
        final Selection selected = selection.children().get(child.name().getNodeType());
        if (selected == null) {
            return Optional.empty();
        }
        return Optional.of(switch (child) {
            case MapNode list -> Rebuild.list(list, entry -> Optional.of((MapEntryNode) select(entry, selected)))
                .map(NormalizedNode.class::cast).orElse(list);
            case DataContainerNode container -> select(container, selected);
            default -> child;
        });
    }

    private static RestconfException invalid(final String problem) {
        return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, "fields: " + problem));
    }
}
