package org.sdqkd.netconf.server.impl.agent;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/**
 * The with-defaults retrieval modes of RFC 6243. The datastores hold what clients set, so {@code explicit} is the
 * basic mode; {@code trim} removes leaves whose value is their schema default; {@code report-all} adds the default
 * of every leaf without a value (in existing containers and list entries, in non-presence containers, and in the
 * active or default case of choices); {@code report-all-tagged} does the same and marks each leaf that holds its
 * default with {@code wd:default="true"} (section 6).
 */
enum WithDefaults {
    EXPLICIT("explicit"),
    TRIM("trim"),
    REPORT_ALL("report-all"),
    REPORT_ALL_TAGGED("report-all-tagged");

    private final String yangName;

    WithDefaults(final String yangName) {
        this.yangName = yangName;
    }

    String yangName() {
        return yangName;
    }

    /** The mode a {@code with-defaults} parameter names, {@code explicit} without one. */
    static WithDefaults of(final Optional<String> parameter) throws OperationException {
        if (parameter.isEmpty()) {
            return EXPLICIT;
        }
        for (WithDefaults mode : values()) {
            if (mode.yangName.equals(parameter.orElseThrow())) {
                return mode;
            }
        }
        throw OperationException.badElement(ErrorTag.INVALID_VALUE, "with-defaults",
            "not a with-defaults mode: " + parameter.orElseThrow());
    }

    /**
     * Applies the mode to data, in place.
     *
     * @param data       a {@code <data>} element whose children are top-level nodes
     * @param models     the schema
     * @param configOnly whether only configuration nodes are reported (get-config)
     */
    void apply(final Element data, final DataXml models, final boolean configOnly) {
        if (this != EXPLICIT) {
            walk(data, models.context(), models, configOnly);
        }
    }

    private void walk(final Element element, final DataNodeContainer schema, final DataXml models,
            final boolean configOnly) {
        for (DataSchemaNode child : schema.getChildNodes()) {
            if (configOnly && !child.effectiveConfig().orElse(Boolean.TRUE)) {
                continue;
            }
            switch (child) {
                case LeafSchemaNode leaf -> leaf(element, leaf);
                case ContainerSchemaNode container -> {
                    final List<Element> existing = children(element, container.getQName());
                    if (!existing.isEmpty()) {
                        walk(existing.getFirst(), container, models, configOnly);
                    } else if (!container.isPresenceContainer() && adds()) {
                        final Element implicit = element.getOwnerDocument().createElementNS(
                            container.getQName().getNamespace().toString(), container.getQName().getLocalName());
                        walk(implicit, container, models, configOnly);
                        if (implicit.hasChildNodes()) {
                            element.appendChild(implicit);
                        }
                    }
                }
                case ListSchemaNode list -> children(element, list.getQName())
                    .forEach(entry -> walk(entry, list, models, configOnly));
                case ChoiceSchemaNode choice -> activeCase(element, choice)
                    .ifPresent(active -> walk(element, active, models, configOnly));
                default -> {
                    // leaf-lists, anydata and anyxml have no defaults here
                }
            }
        }
    }

    private void leaf(final Element parent, final LeafSchemaNode leaf) {
        final Optional<? extends Object> value = leaf.getType().getDefaultValue();
        if (value.isEmpty()) {
            return;
        }
        final String text = value.orElseThrow() instanceof QName identity ? identity.getLocalName()
            : value.orElseThrow().toString();
        final List<Element> existing = children(parent, leaf.getQName());
        if (!existing.isEmpty()) {
            final Element present = existing.getFirst();
            if (present.getTextContent().strip().equals(text)) {
                if (this == TRIM) {
                    parent.removeChild(present);
                } else if (this == REPORT_ALL_TAGGED) {
                    tag(present);
                }
            }
            return;
        }
        if (adds() && !(value.orElseThrow() instanceof QName)) {
            final Element added = Dom.append(parent, leaf.getQName().getNamespace().toString(),
                leaf.getQName().getLocalName(), text);
            if (this == REPORT_ALL_TAGGED) {
                tag(added);
            }
        }
    }

    private boolean adds() {
        return this == REPORT_ALL || this == REPORT_ALL_TAGGED;
    }

    private static void tag(final Element leaf) {
        leaf.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wd", Namespaces.DEFAULT_ATTRIBUTE);
        leaf.setAttributeNS(Namespaces.DEFAULT_ATTRIBUTE, "wd:default", "true");
    }

    private static List<Element> children(final Element parent, final QName name) {
        return Dom.childElements(parent).stream()
            .filter(c -> Dom.is(c, name.getNamespace().toString(), name.getLocalName()))
            .toList();
    }

    /** The case whose data is present, else the default case. */
    private static Optional<? extends CaseSchemaNode> activeCase(final Element parent, final ChoiceSchemaNode choice) {
        for (CaseSchemaNode caseNode : choice.getCases()) {
            for (DataSchemaNode member : caseNode.getChildNodes()) {
                if (!children(parent, member.getQName()).isEmpty()) {
                    return Optional.of(caseNode);
                }
            }
        }
        return choice.getDefaultCase();
    }
}
