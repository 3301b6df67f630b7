package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Checks that the value of an identityref is derived from the type's bases (RFC 7950 section 9.10.2):
 * the yangtools codecs only check that the identity exists.
 */
public final class IdentityDerivation {
    private final EffectiveModelContext context;

    /**
     * Derivation checks over the identities of the given models.
     *
     * @param context the models
     */
    public IdentityDerivation(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * Why {@code value} is not a valid value of {@code type}, or empty when it is (or when the type is not
     * an identityref). In a union, an identity is valid if any identityref member accepts it.
     */
    Optional<String> check(final TypeDefinition<?> type, final Object value) {
        if (!(value instanceof QName identity)) {
            return Optional.empty();
        }
        return switch (type) {
            case IdentityrefTypeDefinition identityref -> derivedFromAll(identity, identityref)
                ? Optional.empty()
                : Optional.of("identity " + identity.getLocalName() + " is not derived from "
                    + identityref.getIdentities().stream().map(i -> i.getQName().getLocalName()).toList());
            case UnionTypeDefinition union -> union.getTypes().stream()
                .filter(IdentityrefTypeDefinition.class::isInstance)
                .map(t -> check(t, value))
                .reduce((a, b) -> a.isEmpty() ? a : b)
                .orElse(Optional.empty());
            default -> Optional.empty();
        };
    }

    /**
     * Whether {@code identity} is derived from {@code base}, directly or not; with {@code orSelf}, also
     * when it is {@code base} (the XPath functions derived-from and derived-from-or-self).
     */
    public boolean derivedFrom(final QName identity, final QName base, final boolean orSelf) {
        return orSelf && identity.equals(base) || ancestorsOf(identity).contains(base);
    }

    private boolean derivedFromAll(final QName identity, final IdentityrefTypeDefinition type) {
        final Set<QName> ancestors = ancestorsOf(identity);
        return type.getIdentities().stream().allMatch(base -> ancestors.contains(base.getQName()));
    }

    /** Every identity {@code identity} is derived from, not including itself. */
    private Set<QName> ancestorsOf(final QName identity) {
        final Set<QName> ancestors = new HashSet<>();
        final Deque<IdentitySchemaNode> pending = new ArrayDeque<>();
        findIdentity(identity).ifPresent(pending::add);
        while (!pending.isEmpty()) {
            for (IdentitySchemaNode base : pending.pop().getBaseIdentities()) {
                if (ancestors.add(base.getQName())) {
                    pending.add(base);
                }
            }
        }
        return ancestors;
    }

    private Optional<IdentitySchemaNode> findIdentity(final QName identity) {
        return context.findModule(identity.getModule()).flatMap(module -> module.getIdentities().stream()
            .filter(i -> i.getQName().equals(identity))
            .findFirst()
            .map(IdentitySchemaNode.class::cast));
    }
}
