package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fields expression grammar of RFC 8040 section 4.8.3. */
final class FieldsExpressionTest {
    private static FieldsExpression.Name name(final String local) {
        return new FieldsExpression.Name(Optional.empty(), local);
    }

    @Test
    void pathsAndParenthesesBuildOneTree() throws RestconfException {
        final FieldsExpression root = FieldsExpression.parse("a/b;c(d;e/f);m:g");
        assertEquals(3, root.children().size());
        final FieldsExpression a = root.children().get(name("a"));
        assertTrue(a.children().get(name("b")).children().isEmpty(), "b is selected whole");
        final FieldsExpression c = root.children().get(name("c"));
        assertEquals(2, c.children().size());
        assertTrue(c.children().get(name("e")).children().containsKey(name("f")));
        assertTrue(root.children().containsKey(new FieldsExpression.Name(Optional.of("m"), "g")));
    }

    @Test
    void aWholeSelectionWinsOverAPartialOne() throws RestconfException {
        final FieldsExpression root = FieldsExpression.parse("a/b;a");
        assertTrue(root.children().get(name("a")).children().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a(", "a)", "a;", "a//b", "(a)", "1a", "a:b:c", "a b", "a(b))"})
    void malformedExpressionsAreInvalidValues(final String text) {
        final RestconfException refused = assertThrows(RestconfException.class, () -> FieldsExpression.parse(text));
        assertEquals(400, refused.status());
    }
}
