package org.sdqkd.restconf.gateway.impl.openapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BinaryTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BitsTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.DecimalTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.InstanceIdentifierTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LengthRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.ModifierKind;
import org.opendaylight.yangtools.yang.model.api.type.PatternConstraint;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * The JSON Schema of a YANG leaf's value as RFC 7951 encodes it (section 6): integers up to 32 bits as numbers with
 * {@code minimum}/{@code maximum}, 64-bit integers and decimal64 as strings (their ranges in {@code x-yang-range}),
 * strings with {@code minLength}/{@code maxLength} and ECMA 262 patterns, enumerations and identities as
 * {@code enum}, bits as a pattern of their names, empty as {@code [null]}, unions as {@code anyOf}, leafrefs as the
 * type they refer to.
 */
final class TypeSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DESCRIPTION = "description";

    private final EffectiveModelContext context;

    TypeSchemas(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * The schema of a type.
     *
     * @param type  the type
     * @param stack where the leaf is, to resolve leafrefs; asked only for a leafref
     * @return the schema
     */
    ObjectNode of(final TypeDefinition<?> type, final Supplier<SchemaInferenceStack> stack) {
        final ObjectNode schema = JSON.objectNode();
        switch (type) {
            case Int8TypeDefinition t -> integer(schema, t, -128, 127);
            case Int16TypeDefinition t -> integer(schema, t, Short.MIN_VALUE, Short.MAX_VALUE);
            case Int32TypeDefinition t -> integer(schema, t, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case Uint8TypeDefinition t -> integer(schema, t, 0, 255);
            case Uint16TypeDefinition t -> integer(schema, t, 0, 65_535);
            case Uint32TypeDefinition t -> integer(schema, t, 0, 4_294_967_295L);
            case Int64TypeDefinition t -> quotedNumber(schema, t, "-?[0-9]+", "int64");
            case Uint64TypeDefinition t -> quotedNumber(schema, t, "[0-9]+", "uint64");
            case DecimalTypeDefinition t -> quotedNumber(schema, t,
                "-?[0-9]+(\\.[0-9]{1," + t.getFractionDigits() + "})?", "decimal64");
            case StringTypeDefinition t -> string(schema, t);
            case BooleanTypeDefinition t -> schema.put("type", "boolean");
            case EnumTypeDefinition t -> {
                schema.put("type", "string");
                final ArrayNode values = schema.putArray("enum");
                t.getValues().forEach(value -> values.add(value.getName()));
            }
            case IdentityrefTypeDefinition t -> identities(schema, t);
            case BitsTypeDefinition t -> bits(schema, t);
            case BinaryTypeDefinition t -> {
                schema.put("type", "string");
                schema.put("contentEncoding", "base64");
                t.getLengthConstraint().ifPresent(length -> schema.put("x-yang-length", ranges(length
                    .getAllowedRanges())));
            }
            case EmptyTypeDefinition t -> {
                schema.put("type", "array");
                schema.putObject("items").put("type", "null");
                schema.put("minItems", 1);
                schema.put("maxItems", 1);
            }
            case UnionTypeDefinition t -> {
                final ArrayNode members = schema.putArray("anyOf");
                t.getTypes().forEach(member -> members.add(of(member, stack)));
            }
            case LeafrefTypeDefinition t -> leafref(schema, t, stack);
            case InstanceIdentifierTypeDefinition t -> {
                schema.put("type", "string");
                schema.put(DESCRIPTION, "an instance-identifier (RFC 7951 section 6.11)");
            }
            default -> schema.put(DESCRIPTION, "a value of type " + type.getQName().getLocalName());
        }
        return schema;
    }

    private static void integer(final ObjectNode schema, final RangeRestrictedTypeDefinition<?, ?> type,
            final long min, final long max) {
        schema.put("type", "integer");
        final List<Range<Long>> ranges = type.getRangeConstraint()
            .map(constraint -> constraint.getAllowedRanges().asRanges().stream()
                .map(range -> Range.closed(((Number) range.lowerEndpoint()).longValue(),
                    ((Number) range.upperEndpoint()).longValue()))
                .toList())
            .orElse(List.of(Range.closed(min, max)));
        if (ranges.size() == 1) {
            schema.put("minimum", ranges.get(0).lowerEndpoint());
            schema.put("maximum", ranges.get(0).upperEndpoint());
            return;
        }
        final ArrayNode anyOf = schema.putArray("anyOf");
        for (Range<Long> range : ranges) {
            anyOf.addObject().put("minimum", range.lowerEndpoint()).put("maximum", range.upperEndpoint());
        }
    }

    private static void quotedNumber(final ObjectNode schema, final RangeRestrictedTypeDefinition<?, ?> type,
            final String pattern, final String name) {
        schema.put("type", "string");
        schema.put("pattern", "^" + pattern + "$");
        schema.put("format", name);
        type.getRangeConstraint().ifPresent(range -> {
            schema.put("x-yang-range", ranges(range.getAllowedRanges()));
            schema.put(DESCRIPTION, "a " + name + " in a JSON string (RFC 7951 section 6.1), in "
                + ranges(range.getAllowedRanges()));
        });
    }

    private static void string(final ObjectNode schema, final StringTypeDefinition type) {
        schema.put("type", "string");
        lengths(schema, type);
        final Set<String> converted = new LinkedHashSet<>();
        final List<String> notConverted = new ArrayList<>();
        final List<String> inverted = new ArrayList<>();
        for (PatternConstraint pattern : type.getPatternConstraints()) {
            try {
                final String ecma = XsdPattern.toEcma(pattern.getRegularExpressionString());
                if (pattern.getModifier().filter(ModifierKind.INVERT_MATCH::equals).isPresent()) {
                    inverted.add(ecma);
                } else {
                    converted.add(ecma);
                }
            } catch (XsdPattern.UnsupportedPatternException e) {
                notConverted.add(pattern.getRegularExpressionString() + " (" + e.getMessage() + ")");
            }
        }
        if (converted.size() == 1 && inverted.isEmpty()) {
            schema.put("pattern", converted.iterator().next());
        } else if (!converted.isEmpty() || !inverted.isEmpty()) {
            final ArrayNode allOf = schema.putArray("allOf");
            converted.forEach(ecma -> allOf.addObject().put("pattern", ecma));
            inverted.forEach(ecma -> allOf.addObject().putObject("not").put("pattern", ecma));
        }
        if (!notConverted.isEmpty()) {
            final ArrayNode yang = schema.putArray("x-yang-pattern");
            notConverted.forEach(yang::add);
            schema.put(DESCRIPTION, "YANG patterns not checked by this schema: " + String.join("; ", notConverted));
        }
    }

    private static void lengths(final ObjectNode schema, final LengthRestrictedTypeDefinition<?> type) {
        type.getLengthConstraint().ifPresent(length -> {
            final Set<Range<Integer>> ranges = length.getAllowedRanges().asRanges();
            if (ranges.size() == 1) {
                final Range<Integer> range = ranges.iterator().next();
                if (range.lowerEndpoint() > 0) {
                    schema.put("minLength", range.lowerEndpoint());
                }
                if (range.upperEndpoint() < Integer.MAX_VALUE) {
                    schema.put("maxLength", range.upperEndpoint());
                }
                return;
            }
            final ArrayNode anyOf = schema.putArray("anyOf");
            ranges.forEach(range -> anyOf.addObject().put("minLength", range.lowerEndpoint())
                .put("maxLength", range.upperEndpoint()));
        });
    }

    private void identities(final ObjectNode schema, final IdentityrefTypeDefinition type) {
        schema.put("type", "string");
        final Set<String> names = new LinkedHashSet<>();
        type.getIdentities().forEach(base -> derived(base, names));
        final ArrayNode values = schema.putArray("enum");
        names.forEach(values::add);
    }

    private void derived(final IdentitySchemaNode base, final Set<String> names) {
        for (IdentitySchemaNode identity : context.getDerivedIdentities(base)) {
            final String module = context.findModule(identity.getQName().getModule()).orElseThrow().getName();
            if (names.add(module + ":" + identity.getQName().getLocalName())) {
                derived(identity, names);
            }
        }
    }

    private static void bits(final ObjectNode schema, final BitsTypeDefinition type) {
        schema.put("type", "string");
        final String names = type.getBits().stream().map(BitsTypeDefinition.Bit::getName)
            .collect(Collectors.joining("|"));
        schema.put("pattern", "^(?:(?:" + names + ")(?: (?:" + names + "))*)?$");
        schema.put(DESCRIPTION, "space-separated bit names (RFC 7951 section 6.5)");
    }

    private void leafref(final ObjectNode schema, final LeafrefTypeDefinition type,
            final Supplier<SchemaInferenceStack> stack) {
        TypeDefinition<?> target;
        try {
            target = stack.get().resolveLeafref(type);
        } catch (IllegalArgumentException | IllegalStateException e) {
            schema.put("type", "string");
            schema.put(DESCRIPTION, "a reference to " + type.getPathStatement().getOriginalString());
            return;
        }
        schema.setAll(of(target, stack));
        schema.put("x-yang-leafref", type.getPathStatement().getOriginalString());
    }

    private static String ranges(final RangeSet<? extends Comparable<?>> ranges) {
        return ranges.asRanges().stream()
            .map(range -> range.lowerEndpoint().equals(range.upperEndpoint()) ? range.lowerEndpoint().toString()
                : range.lowerEndpoint() + ".." + range.upperEndpoint())
            .collect(Collectors.joining(" | "));
    }
}
