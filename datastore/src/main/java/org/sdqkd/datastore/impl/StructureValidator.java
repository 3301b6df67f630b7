package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.AnydataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AugmentationSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AugmentationTarget;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraint;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.UsesNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Descendant;
import org.opendaylight.yangtools.yang.model.api.stmt.UniqueEffectiveStatement;
import org.sdqkd.datastore.api.ValidationError;

/**
 * Checks the constraints that depend on the shape of the whole tree and reports every violation with
 * its data path: mandatory leaves and choices (also in top-level non-presence containers of modules
 * that have data), min-elements and max-elements, unique, and the bases of identityref values.
 *
 * <p>Nodes under a {@code when} condition (their own, or of the {@code uses} or {@code augment} that
 * brings them) may legitimately be absent; until {@code when} is evaluated, their absence is not an
 * error. This never reports a valid document as invalid.
 */
final class StructureValidator {
    private final EffectiveModelContext context;
    private final IdentityDerivation identities;

    StructureValidator(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        identities = new IdentityDerivation(context);
    }

    List<ValidationError> validate(final DataContainerNode root) {
        final List<ValidationError> errors = new ArrayList<>();
        final Set<QNameModule> modulesWithData = root.body().stream()
            .map(child -> child.name().getNodeType().getModule())
            .collect(Collectors.toSet());
        for (DataSchemaNode top : context.getChildNodes()) {
            if (modulesWithData.contains(top.getQName().getModule())) {
                checkChild(context, top, root, YangInstanceIdentifier.of(), errors);
            }
        }
        return errors;
    }

    /** Checks a container or list entry (absent when {@code data} is null) and its descendants. */
    private void checkContainer(final DataNodeContainer schema, final DataContainerNode data,
            final YangInstanceIdentifier path, final List<ValidationError> errors) {
        for (DataSchemaNode child : schema.getChildNodes()) {
            checkChild(schema, child, data, path, errors);
        }
    }

    private void checkChild(final DataNodeContainer parent, final DataSchemaNode child, final DataContainerNode data,
            final YangInstanceIdentifier path, final List<ValidationError> errors) {
        final boolean conditional = isConditional(parent, child);
        final YangInstanceIdentifier childPath = path.node(NodeIdentifier.create(child.getQName()));
        final NormalizedNode value = child instanceof ChoiceSchemaNode || data == null ? null
            : data.childByArg(NodeIdentifier.create(child.getQName()));
        switch (child) {
            case ContainerSchemaNode container -> {
                if (value instanceof DataContainerNode present) {
                    checkContainer(container, present, childPath, errors);
                } else if (!container.isPresenceContainer() && !conditional) {
                    checkContainer(container, null, childPath, errors);
                }
            }
            case LeafSchemaNode leaf -> {
                if (value == null && leaf.isMandatory() && !conditional) {
                    errors.add(error(ErrorTag.DATA_MISSING, null, childPath,
                        "mandatory leaf " + leaf.getQName().getLocalName() + " is missing"));
                } else if (value != null) {
                    identities.check(leaf.getType(), value.body())
                        .ifPresent(why -> errors.add(error(ErrorTag.INVALID_VALUE, null, childPath, why)));
                }
            }
            case AnydataSchemaNode anydata -> {
                if (value == null && anydata.isMandatory() && !conditional) {
                    errors.add(error(ErrorTag.DATA_MISSING, null, childPath, "mandatory anydata is missing"));
                }
            }
            case AnyxmlSchemaNode anyxml -> {
                if (value == null && anyxml.isMandatory() && !conditional) {
                    errors.add(error(ErrorTag.DATA_MISSING, null, childPath, "mandatory anyxml is missing"));
                }
            }
            case ChoiceSchemaNode choice -> checkChoice(choice, data, path, conditional, errors);
            case ListSchemaNode list -> checkList(list, value, childPath, conditional, errors);
            case LeafListSchemaNode leafList -> {
                final int count = value instanceof LeafSetNode<?> set ? set.size() : 0;
                checkCount(leafList, count, childPath, conditional, errors);
                if (value instanceof LeafSetNode<?> set) {
                    for (LeafSetEntryNode<?> entry : set.body()) {
                        identities.check(leafList.getType(), entry.body()).ifPresent(why ->
                            errors.add(error(ErrorTag.INVALID_VALUE, null, path.node(entry.name()), why)));
                    }
                }
            }
            default -> {
                // no constraints of this issue on other nodes
            }
        }
    }

    /**
     * A choice's data is the yangtools choice node holding the children of its one present case; the
     * choice itself is not a step of data paths.
     */
    private void checkChoice(final ChoiceSchemaNode choice, final DataContainerNode data,
            final YangInstanceIdentifier path, final boolean conditional, final List<ValidationError> errors) {
        final NormalizedNode value = data == null ? null : data.childByArg(NodeIdentifier.create(choice.getQName()));
        if (value instanceof ChoiceNode present) {
            final Optional<? extends CaseSchemaNode> active = choice.getCases().stream()
                .filter(c -> c.getChildNodes().stream()
                    .anyMatch(n -> present.childByArg(NodeIdentifier.create(n.getQName())) != null))
                .findFirst();
            if (active.isPresent()) {
                checkContainer(active.orElseThrow(), present, path, errors);
            }
        } else if (choice.isMandatory() && !conditional) {
            errors.add(error(ErrorTag.DATA_MISSING, "missing-choice", path,
                "no case of the mandatory choice " + choice.getQName().getLocalName() + " is present"));
        }
    }

    private void checkList(final ListSchemaNode list, final NormalizedNode value, final YangInstanceIdentifier path,
            final boolean conditional, final List<ValidationError> errors) {
        final Collection<MapEntryNode> entries = value instanceof MapNode map ? map.body() : List.of();
        checkCount(list, entries.size(), path, conditional, errors);
        final YangInstanceIdentifier parentPath = path.getParent();
        for (MapEntryNode entry : entries) {
            checkContainer(list, entry, parentPath.node(entry.name()), errors);
        }
        for (UniqueEffectiveStatement unique : list.getUniqueConstraints()) {
            checkUnique(unique.argument(), entries, parentPath, errors);
        }
    }

    private void checkUnique(final Set<Descendant> leaves, final Collection<MapEntryNode> entries,
            final YangInstanceIdentifier parentPath, final List<ValidationError> errors) {
        final Map<List<Object>, MapEntryNode> seen = new HashMap<>();
        for (MapEntryNode entry : entries) {
            final List<Object> values = new ArrayList<>();
            for (Descendant leaf : leaves) {
                final Object v = descendantValue(entry, leaf.getNodeIdentifiers());
                if (v == null) {
                    break;
                }
                values.add(v);
            }
            if (values.size() < leaves.size()) {
                continue;
            }
            final MapEntryNode first = seen.putIfAbsent(values, entry);
            if (first != null) {
                errors.add(error(ErrorTag.OPERATION_FAILED, "data-not-unique", parentPath.node(entry.name()),
                    "unique constraint violated: "
                        + leaves.stream().map(d -> d.lastNodeIdentifier().getLocalName()).toList()
                        + " equal those of " + DataPathBuilder.of(context, parentPath.node(first.name()))));
            }
        }
    }

    private static Object descendantValue(final MapEntryNode entry, final List<QName> steps) {
        NormalizedNode node = entry;
        for (QName step : steps) {
            if (!(node instanceof DataContainerNode container)) {
                return null;
            }
            node = container.childByArg(NodeIdentifier.create(step));
            if (node == null) {
                return null;
            }
        }
        return node instanceof DataContainerChild ? node.body() : null;
    }

    private void checkCount(final ElementCountConstraintAware node, final int count, final YangInstanceIdentifier path,
            final boolean conditional, final List<ValidationError> errors) {
        final Optional<ElementCountConstraint> constraint = node.getElementCountConstraint();
        if (constraint.isEmpty()) {
            return;
        }
        final Integer min = constraint.orElseThrow().getMinElements();
        final Integer max = constraint.orElseThrow().getMaxElements();
        if (min != null && count < min && !(conditional && count == 0)) {
            errors.add(error(ErrorTag.OPERATION_FAILED, "too-few-elements", path,
                count + " entries, at least " + min + " required"));
        }
        if (max != null && count > max) {
            errors.add(error(ErrorTag.OPERATION_FAILED, "too-many-elements", path,
                count + " entries, at most " + max + " allowed"));
        }
    }

    /**
     * Whether {@code child} exists only under a when condition: its own, or that of the uses or augment
     * statement that puts it into {@code parent}.
     */
    private static boolean isConditional(final DataNodeContainer parent, final DataSchemaNode child) {
        if (child.getWhenCondition().isPresent()) {
            return true;
        }
        for (UsesNode uses : parent.getUses()) {
            if (uses.getWhenCondition().isPresent()
                    && uses.getSourceGrouping().dataChildByName(child.getQName().bindTo(
                        uses.getSourceGrouping().getQName().getModule())) != null) {
                return true;
            }
        }
        if (parent instanceof AugmentationTarget target) {
            for (AugmentationSchemaNode augment : target.getAvailableAugmentations()) {
                if (augment.getWhenCondition().isPresent() && augment.dataChildByName(child.getQName()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private ValidationError error(final ErrorTag tag, final String appTag, final YangInstanceIdentifier path,
            final String message) {
        return new ValidationError(ErrorType.APPLICATION, tag, Optional.ofNullable(appTag),
            DataPathBuilder.of(context, path), message);
    }
}
