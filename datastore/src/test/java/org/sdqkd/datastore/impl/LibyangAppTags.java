package org.sdqkd.datastore.impl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.sdqkd.yang.Yanglint;

/**
 * The error-app-tag of RFC 7950 section 15 that a libyang error stands for, derived from the message text of
 * yanglint 2.1.30 (which prints no app-tag). A failed {@code must} is printed with its error-message, or as
 * {@code Must condition "EXPR" not satisfied.}; both are looked up among the models' must statements, so that
 * the must's own error-app-tag, or {@code must-violation}, is expected.
 */
final class LibyangAppTags {
    private final Map<String, String> mustTags = new HashMap<>();

    LibyangAppTags(final EffectiveModelContext context) {
        collect(context);
    }

    /** The app-tag the error stands for, or empty when RFC 7950 section 15 names none for it. */
    Optional<String> of(final Yanglint.LibyangError error) {
        final String message = error.message();
        if (mustTags.containsKey(message)) {
            return Optional.of(mustTags.get(message));
        }
        if (message.startsWith("Must condition ")) {
            return Optional.of("must-violation");
        }
        if (message.startsWith("Too many ")) {
            return Optional.of("too-many-elements");
        }
        if (message.startsWith("Too few ")) {
            return Optional.of("too-few-elements");
        }
        if (message.startsWith("Unique data leaf(s) ")) {
            return Optional.of("data-not-unique");
        }
        final boolean leafref = message.startsWith("Invalid leafref value ") && message.contains("no target instance");
        final boolean instanceIdentifier = message.startsWith("Invalid instance-identifier ")
            && message.contains("required instance not found");
        if (leafref || instanceIdentifier) {
            return Optional.of("instance-required");
        }
        if (message.startsWith("Mandatory choice ")) {
            return Optional.of("missing-choice");
        }
        return Optional.empty();
    }

    private void collect(final DataNodeContainer container) {
        for (DataSchemaNode child : container.getChildNodes()) {
            if (child instanceof MustConstraintAware aware) {
                for (MustDefinition must : aware.getMustConstraints()) {
                    final String text = must.asEffectiveStatement().getDeclared() != null
                        ? must.asEffectiveStatement().getDeclared().rawArgument() : must.getXpath().toString();
                    mustTags.put(must.getErrorMessage().orElse("Must condition \"" + text + "\" not satisfied."),
                        must.getErrorAppTag().orElse("must-violation"));
                }
            }
            if (child instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    collect(caseNode);
                }
            } else if (child instanceof DataNodeContainer nested) {
                collect(nested);
            }
        }
    }
}
