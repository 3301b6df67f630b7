package org.sdqkd.restconf.gateway.impl.openapi;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraint;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MandatoryAware;

/**
 * The data nodes under a node as RESTCONF and RFC 7951 see them: the nodes of choices and cases stand directly
 * under the node (neither is named in paths or JSON), each with the schema tree path that leads to it.
 */
final class SchemaNodes {
    private SchemaNodes() {
        // no instances
    }

    /**
     * A data node with the schema tree steps from its parent's path to it (choices and cases included).
     *
     * @param node  the node
     * @param steps the schema tree steps, the last one the node's own name
     */
    record Child(DataSchemaNode node, List<QName> steps) {
        Child {
            steps = List.copyOf(steps);
        }

        /** Whether the node stands in a case of a choice, so that it is required only when its case is chosen. */
        boolean inChoice() {
            return steps.size() > 1;
        }

        /** The schema tree path of the node below a parent's path. */
        List<QName> pathFrom(final List<QName> parent) {
            final List<QName> path = new ArrayList<>(parent);
            path.addAll(steps);
            return path;
        }
    }

    /** The data nodes under a container, list, input or output, through choices and cases. */
    static List<Child> children(final DataNodeContainer parent) {
        final List<Child> children = new ArrayList<>();
        collect(parent, List.of(), children);
        return children;
    }

    private static void collect(final DataNodeContainer parent, final List<QName> steps, final List<Child> into) {
        for (DataSchemaNode child : parent.getChildNodes()) {
            final List<QName> childSteps = new ArrayList<>(steps);
            childSteps.add(child.getQName());
            if (child instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    final List<QName> caseSteps = new ArrayList<>(childSteps);
                    caseSteps.add(caseNode.getQName());
                    collect(caseNode, caseSteps, into);
                }
            } else {
                into.add(new Child(child, childSteps));
            }
        }
    }

    /**
     * Whether a node must be present in its parent (RFC 7950 section 3, "mandatory node"): a mandatory leaf, anydata
     * or anyxml, a list or leaf-list with min-elements above 0, or a non-presence container holding one.
     */
    static boolean isMandatory(final DataSchemaNode node) {
        if (node instanceof MandatoryAware mandatory && mandatory.isMandatory()) {
            return true;
        }
        if (node instanceof ElementCountConstraintAware counted) {
            return counted.getElementCountConstraint().map(ElementCountConstraint::getMinElements)
                .map(min -> min > 0).orElse(false);
        }
        if (node instanceof ContainerSchemaNode container && !container.isPresenceContainer()) {
            return children(container).stream().anyMatch(child -> isMandatory(child.node()));
        }
        return false;
    }

    /** Whether a node is state data or holds any (config false somewhere at or under it). */
    static boolean holdsState(final DataSchemaNode node) {
        if (!node.isConfiguration()) {
            return true;
        }
        return node instanceof DataNodeContainer container
            && children(container).stream().anyMatch(child -> holdsState(child.node()));
    }
}
