package org.sdqkd.datastore.impl.xpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.model.api.AugmentationSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AugmentationTarget;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementEquivalent;
import org.opendaylight.yangtools.yang.model.api.UsesNode;
import org.opendaylight.yangtools.yang.model.api.stmt.WhenEffectiveStatement;

/**
 * The {@code when} conditions a data node exists under (RFC 7950 section 7.21.5): its own, evaluated with
 * the node as context, and those of the {@code uses}, {@code augment}, {@code choice} and {@code case}
 * statements that bring it into its parent, evaluated with the parent as context.
 */
public final class Conditions {
    /** One condition, and whether its context node is the parent of the node it guards. */
    public record When(WhenEffectiveStatement statement, boolean parentContext) {
        public String text() {
            final var declared = statement.getDeclared();
            final String raw = declared == null ? null : declared.rawArgument();
            return raw != null ? raw : statement.argument().toString();
        }
    }

    private final Map<List<Object>, List<When>> cache = new ConcurrentHashMap<>();

    /** The conditions of {@code child} under {@code parent} (the model context for top-level nodes). */
    public List<When> of(final DataNodeContainer parent, final DataSchemaNode child) {
        return cache.computeIfAbsent(List.of(parent, child), key -> compute(parent, child));
    }

    private static List<When> compute(final DataNodeContainer parent, final DataSchemaNode child) {
        final List<When> result = new ArrayList<>();
        when(child).ifPresent(w -> result.add(new When(w, false)));
        inherited(parent, child, result);
        return List.copyOf(result);
    }

    private static boolean inherited(final DataNodeContainer container, final DataSchemaNode child,
            final List<When> result) {
        boolean found = false;
        for (UsesNode uses : container.getUses()) {
            if (uses.getSourceGrouping().getChildNodes().stream()
                    .anyMatch(n -> n.getQName().getLocalName().equals(child.getQName().getLocalName()))) {
                when(uses).ifPresent(w -> result.add(new When(w, true)));
            }
        }
        if (container instanceof AugmentationTarget target) {
            for (AugmentationSchemaNode augment : target.getAvailableAugmentations()) {
                if (augment.dataChildByName(child.getQName()) != null) {
                    when(augment).ifPresent(w -> result.add(new When(w, true)));
                }
            }
        }
        for (DataSchemaNode member : container.getChildNodes()) {
            if (member instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    final List<When> nested = new ArrayList<>();
                    if (caseNode.dataChildByName(child.getQName()) != null || inherited(caseNode, child, nested)) {
                        when(choice).ifPresent(w -> result.add(new When(w, true)));
                        when(caseNode).ifPresent(w -> result.add(new When(w, true)));
                        result.addAll(nested);
                        found = true;
                    }
                }
            }
        }
        return found || container.dataChildByName(child.getQName()) != null;
    }

    private static Optional<WhenEffectiveStatement> when(final Object node) {
        return node instanceof EffectiveStatementEquivalent<?> equivalent
            ? equivalent.asEffectiveStatement().findFirstEffectiveSubstatement(WhenEffectiveStatement.class)
            : Optional.empty();
    }
}
