package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.sdqkd.datastore.api.ValidationError;

/**
 * Finds list entries without their keys, list entries with the same keys and leaf-list entries with the
 * same value in a JSON document (RFC 7951 section 5.4, RFC 7950 sections 7.7 and 7.8.2): the yangtools
 * JSON codec merges repeated entries silently.
 */
final class JsonListEntries {
    private final EffectiveModelContext context;

    JsonListEntries(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /** The first entry without its keys or repeating a sibling, if any. */
    Optional<ValidationError> firstEntryError(final JsonObject document) {
        return object(document, context, null, new ArrayList<>());
    }

    /** One step of the path walked so far: a node, with its keys or value when it is an entry. */
    private record Step(QName name, Map<QName, Object> keys, Object value) {
    }

    private Optional<ValidationError> object(final JsonObject object, final Object schema, final QNameModule module,
            final List<Step> path) {
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            final String name = member.getKey();
            final int colon = name.indexOf(':');
            final QNameModule childModule = colon > 0
                ? SchemaSteps.moduleOfName(context, name.substring(0, colon)).orElse(null) : module;
            if (childModule == null) {
                continue;
            }
            final QName qname = QName.create(childModule, colon > 0 ? name.substring(colon + 1) : name);
            final Optional<DataSchemaNode> child = SchemaSteps.child(schema, qname);
            if (child.isEmpty()) {
                continue;
            }
            final Optional<ValidationError> found = member(member.getValue(), child.orElseThrow(), qname,
                childModule, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<ValidationError> member(final JsonElement value, final DataSchemaNode schema, final QName name,
            final QNameModule module, final List<Step> path) {
        if (schema instanceof ChoiceSchemaNode || !(value instanceof JsonArray array)) {
            if (value instanceof JsonObject object) {
                path.add(new Step(name, Map.of(), null));
                final Optional<ValidationError> found = object(object, schema, module, path);
                path.removeLast();
                return found;
            }
            return Optional.empty();
        }
        final Set<Object> seen = new HashSet<>();
        for (JsonElement entry : array) {
            if (schema instanceof ListSchemaNode list && entry instanceof JsonObject object) {
                final Map<QName, Object> keys = new LinkedHashMap<>();
                for (QName key : list.getKeyDefinition()) {
                    final JsonElement keyValue = object.get(key.getLocalName());
                    if (keyValue != null) {
                        keys.put(key, keyValue.isJsonPrimitive() ? keyValue.getAsString() : keyValue.toString());
                    }
                }
                path.add(new Step(name, keys, null));
                if (keys.size() < list.getKeyDefinition().size()) {
                    return Optional.of(ValidationError.of(ErrorTag.MISSING_ELEMENT, render(path),
                        "list entry without its key "
                            + list.getKeyDefinition().stream().map(QName::getLocalName).toList()));
                }
                if (!list.getKeyDefinition().isEmpty() && !seen.add(keys)) {
                    return Optional.of(duplicate(path));
                }
                final Optional<ValidationError> found = object(object, list, module, path);
                path.removeLast();
                if (found.isPresent()) {
                    return found;
                }
            } else if (schema instanceof LeafListSchemaNode && entry.isJsonPrimitive()
                    && !seen.add(entry.getAsString())) {
                path.add(new Step(name, null, entry.getAsString()));
                return Optional.of(duplicate(path));
            }
        }
        return Optional.empty();
    }

    private ValidationError duplicate(final List<Step> path) {
        return ValidationError.of(ErrorTag.BAD_ELEMENT, render(path),
            "duplicate entry: an earlier sibling has the same key or value");
    }

    private String render(final List<Step> path) {
        final DataPathBuilder builder = new DataPathBuilder(context);
        for (Step step : path) {
            builder.step(step.name());
            if (step.keys() != null && !step.keys().isEmpty()) {
                builder.keys(step.keys());
            } else if (step.value() != null) {
                builder.leafListValue(step.value());
            }
        }
        return builder.toString();
    }
}
