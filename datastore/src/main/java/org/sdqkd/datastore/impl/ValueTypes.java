package org.sdqkd.datastore.impl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.data.impl.codec.TypeDefinitionAwareCodec;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Checks a leaf value against its type's restrictions (range, length, pattern, enumeration, bits, decimal64
 * fraction digits, union members) with the yangtools string codecs the parsers use, so that data written
 * through a transaction, not parsed from a document, is held to the same rules. Identityref, leafref and
 * instance-identifier values are checked elsewhere.
 */
final class ValueTypes {
    private final Map<TypeDefinition<?>, Optional<TypeDefinitionAwareCodec<Object, ?>>> codecs =
        new ConcurrentHashMap<>();

    /** Why {@code value} breaks {@code type}, or empty when it does not (or the type is checked elsewhere). */
    Optional<String> check(final TypeDefinition<?> type, final Object value) {
        final Optional<TypeDefinitionAwareCodec<Object, ?>> codec = codecs.computeIfAbsent(type,
            t -> checkable(t) ? Optional.ofNullable(TypeDefinitionAwareCodec.from(t)) : Optional.empty());
        if (codec.isEmpty()) {
            return Optional.empty();
        }
        try {
            codec.orElseThrow().deserialize(codec.orElseThrow().serialize(value));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(ParseErrors.firstLine(ParseErrors.rootMessage(e)));
        }
    }

    /** A type the string codecs check completely: not an identityref, leafref or instance-identifier. */
    private static boolean checkable(final TypeDefinition<?> type) {
        if (type instanceof UnionTypeDefinition union) {
            return union.getTypes().stream().allMatch(ValueTypes::checkable);
        }
        return TypeDefinitionAwareCodec.fromType(type) != null;
    }
}
