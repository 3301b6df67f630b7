package org.sdqkd.netconf.server.impl.agent;

/**
 * Reads a data path ({@code /mod:a/b[k='v'][mod:k2="w"]/c[.='x']/d[3]}) step by step, respecting quotes. A
 * malformed path raises {@link IllegalArgumentException}.
 */
final class PathSteps {
    private final String path;
    private int pos;

    PathSteps(final String path) {
        this.path = path;
    }

    boolean hasStep() {
        return pos < path.length();
    }

    /** The name of the next step, with its module prefix if it has one. */
    String nextName() {
        if (path.charAt(pos) != '/') {
            throw new IllegalArgumentException("expected '/' at " + pos + " of " + path);
        }
        final int start = ++pos;
        while (pos < path.length() && path.charAt(pos) != '/' && path.charAt(pos) != '[') {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("empty step at " + start + " of " + path);
        }
        return path.substring(start, pos);
    }

    boolean hasPredicate() {
        return pos < path.length() && path.charAt(pos) == '[';
    }

    /**
     * The next predicate: {@code [expression]} for a position, {@code [name, quoted value]} for a key or
     * {@code .} comparison; the quoted value keeps its quotes.
     */
    String[] nextPredicate() {
        final int start = ++pos;
        int equals = -1;
        while (pos < path.length() && path.charAt(pos) != ']') {
            final char c = path.charAt(pos);
            if (c == '=' && equals < 0) {
                equals = pos;
            } else if (c == '\'' || c == '"') {
                final int close = path.indexOf(c, pos + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated quote at " + pos + " of " + path);
                }
                pos = close;
            }
            pos++;
        }
        if (pos >= path.length()) {
            throw new IllegalArgumentException("unterminated predicate at " + start + " of " + path);
        }
        final int end = pos++;
        return equals < 0 ? new String[] {path.substring(start, end)}
            : new String[] {path.substring(start, equals), path.substring(equals + 1, end)};
    }
}
