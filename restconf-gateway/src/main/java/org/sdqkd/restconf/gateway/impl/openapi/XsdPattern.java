package org.sdqkd.restconf.gateway.impl.openapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts a YANG pattern (an XML Schema regular expression, RFC 7950 section 9.4.5, XSD part 2 appendix F) into an
 * ECMA 262 regular expression with Unicode semantics, as JSON Schema's {@code pattern} wants (JSON Schema 2020-12
 * validation section 6.3.3). XSD patterns match the whole value, so the result is anchored; {@code ^} and
 * {@code $} are ordinary characters in XSD and escaped; {@code .}, {@code \s}, {@code \d}, {@code \w} get their XSD
 * meaning; Unicode blocks ({@code \p{IsBasicLatin}}) become code point ranges. What ECMA 262 cannot say without its
 * {@code v} flag (character class subtraction, {@code \i}, {@code \c}, negated escapes inside a class) is reported,
 * not converted.
 */
final class XsdPattern {
    private static final Map<String, String> BLOCKS = new ConcurrentHashMap<>();

    private final String xsd;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private boolean inClass;

    private XsdPattern(final String xsd) {
        this.xsd = xsd;
    }

    /**
     * The ECMA 262 form of an XSD pattern.
     *
     * @param xsd the pattern as the YANG module writes it
     * @return the anchored ECMA 262 regular expression
     * @throws UnsupportedPatternException when ECMA 262 has no equivalent, with the construct named
     */
    static String toEcma(final String xsd) throws UnsupportedPatternException {
        final XsdPattern converter = new XsdPattern(xsd);
        converter.convert();
        return "^(?:" + converter.out + ")$";
    }

    private void convert() throws UnsupportedPatternException {
        while (pos < xsd.length()) {
            final int c = xsd.codePointAt(pos);
            pos += Character.charCount(c);
            switch (c) {
                case '\\' -> escape();
                case '[' -> {
                    if (inClass) {
                        throw new UnsupportedPatternException("a nested character class");
                    }
                    inClass = true;
                    out.append('[');
                    if (pos < xsd.length() && xsd.charAt(pos) == '^') {
                        out.append('^');
                        pos++;
                    }
                }
                case ']' -> {
                    inClass = false;
                    out.append(']');
                }
                case '-' -> {
                    if (inClass && pos < xsd.length() && xsd.charAt(pos) == '[') {
                        throw new UnsupportedPatternException("character class subtraction (-[...])");
                    }
                    out.append('-');
                }
                case '.' -> out.append(inClass ? "." : "[^\\n\\r]");
                case '^', '$' -> out.append('\\').appendCodePoint(c);
                default -> out.appendCodePoint(c);
            }
        }
        if (inClass) {
            throw new UnsupportedPatternException("an unterminated character class");
        }
    }

    private void escape() throws UnsupportedPatternException {
        if (pos >= xsd.length()) {
            throw new UnsupportedPatternException("a trailing backslash");
        }
        final char c = xsd.charAt(pos++);
        switch (c) {
            case 'n', 'r', 't', '\\', '|', '.', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']' ->
                out.append('\\').append(c);
            case '-' -> out.append(inClass ? "\\-" : "-");
            case 'd' -> out.append("\\p{Nd}");
            case 'D' -> out.append("\\P{Nd}");
            case 's' -> out.append(inClass ? " \\t\\n\\r" : "[ \\t\\n\\r]");
            case 'S' -> out.append(outsideClass("\\S", "[^ \\t\\n\\r]"));
            case 'w' -> out.append(outsideClass("\\w", "[^\\p{P}\\p{Z}\\p{C}]"));
            case 'W' -> out.append(inClass ? "\\p{P}\\p{Z}\\p{C}" : "[\\p{P}\\p{Z}\\p{C}]");
            case 'p', 'P' -> property(c == 'P');
            case 'i', 'I', 'c', 'C' -> throw new UnsupportedPatternException("the XML name escape \\" + c);
            default -> throw new UnsupportedPatternException("the escape \\" + c);
        }
    }

    private String outsideClass(final String escape, final String replacement) throws UnsupportedPatternException {
        if (inClass) {
            throw new UnsupportedPatternException(escape + " inside a character class");
        }
        return replacement;
    }

    private void property(final boolean negated) throws UnsupportedPatternException {
        final int end = xsd.indexOf('}', pos);
        if (pos >= xsd.length() || xsd.charAt(pos) != '{' || end < 0) {
            throw new UnsupportedPatternException("a malformed \\p escape");
        }
        final String name = xsd.substring(pos + 1, end);
        pos = end + 1;
        if (!name.startsWith("Is")) {
            out.append(negated ? "\\P{" : "\\p{").append(name).append('}');
            return;
        }
        final String ranges = blockRanges(name.substring(2));
        if (!inClass) {
            out.append(negated ? "[^" : "[").append(ranges).append(']');
        } else if (negated) {
            throw new UnsupportedPatternException("\\P{" + name + "} inside a character class");
        } else {
            out.append(ranges);
        }
    }

    private static String blockRanges(final String block) throws UnsupportedPatternException {
        final Character.UnicodeBlock unicodeBlock;
        try {
            unicodeBlock = Character.UnicodeBlock.forName(block);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedPatternException("the Unicode block " + block + " (unknown to this JDK)", e);
        }
        return BLOCKS.computeIfAbsent(block, name -> ranges(unicodeBlock));
    }

    private static String ranges(final Character.UnicodeBlock block) {
        final StringBuilder ranges = new StringBuilder();
        int cp = 0;
        while (cp <= Character.MAX_CODE_POINT) {
            if (Character.UnicodeBlock.of(cp) != block) {
                cp++;
                continue;
            }
            final int first = cp;
            while (cp <= Character.MAX_CODE_POINT && Character.UnicodeBlock.of(cp) == block) {
                cp++;
            }
            ranges.append(codePoint(first)).append('-').append(codePoint(cp - 1));
        }
        return ranges.toString();
    }

    private static String codePoint(final int cp) {
        return cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\u{%X}", cp);
    }

    /** A pattern construct ECMA 262 cannot express. */
    static final class UnsupportedPatternException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedPatternException(final String construct) {
            super(construct + " has no ECMA 262 equivalent");
        }

        UnsupportedPatternException(final String construct, final Throwable cause) {
            super(construct + " has no ECMA 262 equivalent", cause);
        }
    }
}
