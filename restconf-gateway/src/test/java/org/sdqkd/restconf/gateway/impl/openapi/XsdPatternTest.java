package org.sdqkd.restconf.gateway.impl.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** XSD patterns to ECMA 262: anchoring, the characters XSD treats plainly, its escapes, and what cannot convert. */
final class XsdPatternTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[a-z]+|^(?:[a-z]+)$",
        "a^b$|^(?:a\\^b\\$)$",
        "a.b|^(?:a[^\\n\\r]b)$",
        "[.]|^(?:[.])$",
        "\\d{2}|^(?:\\p{Nd}{2})$",
        "\\s|^(?:[ \\t\\n\\r])$",
        "[\\s,]|^(?:[ \\t\\n\\r,])$",
        "a\\-b|^(?:a-b)$",
        "[a\\-b]|^(?:[a\\-b])$",
        "[^0-9]|^(?:[^0-9])$",
        "\\p{L}\\P{N}|^(?:\\p{L}\\P{N})$",
        "(ab)?c|^(?:(ab)?c)$",
    })
    void converts(final String xsd, final String ecma) throws Exception {
        assertEquals(ecma, XsdPattern.toEcma(xsd));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a-z-[aeiou]]", "\\i\\c*", "[\\w]", "[\\S]", "[\\P{IsBasicLatin}]", "\\p{IsNoSuchBlock}",
        "[a", "a\\"})
    void refusesWhatEcmaCannotSay(final String xsd) {
        final XsdPattern.UnsupportedPatternException e = assertThrows(XsdPattern.UnsupportedPatternException.class,
            () -> XsdPattern.toEcma(xsd));
        assertTrue(e.getMessage().endsWith("has no ECMA 262 equivalent"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\p{IsBasicLatin}+", "[\\p{IsGreek}x]"})
    void unicodeBlocksBecomeRanges(final String xsd) throws Exception {
        final String ecma = XsdPattern.toEcma(xsd);
        assertFalse(ecma.contains("Is"), ecma);
        // Java reads this ECMA subset the same way
        final Pattern pattern = Pattern.compile(ecma.replace("\\u{", "\\x{"));
        assertTrue(pattern.matcher(xsd.contains("Greek") ? "\u03b1" : "abc").matches());
        assertFalse(pattern.matcher("\u00e9").matches());
    }
}
