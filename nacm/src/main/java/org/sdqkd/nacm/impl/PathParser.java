package org.sdqkd.nacm.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * Reads the {@code path} of a data-node rule: an absolute instance-identifier such as
 * {@code /etsi-qkdn:qkd_node/etsi-qkdn:qkd_links/etsi-qkdn:qkd_link[etsi-qkdn:qkdl_id='...']}. A prefix is a module
 * name (RFC 7951 form) or, failing that, a module's own prefix (the XML form); a step without a prefix is in the
 * module of the step before. Key predicates with quoted values are supported.
 */
final class PathParser {
    private final EffectiveModelContext context;

    PathParser(final EffectiveModelContext context) {
        this.context = context;
    }

    /**
     * Compiles a path.
     *
     * @param path the rule's path
     * @return the pattern, or empty when the path is not of the supported form or names an unknown module
     */
    Optional<PathPattern> parse(final String path) {
        final String text = path.strip();
        if (!text.startsWith("/") || text.length() < 2) {
            return Optional.empty();
        }
        final List<PathPattern.Step> steps = new ArrayList<>();
        QNameModule current = null;
        for (String part : split(text.substring(1))) {
            final int bracket = part.indexOf('[');
            final String name = bracket < 0 ? part : part.substring(0, bracket);
            final Optional<QNameModule> module = moduleOf(name, current);
            if (module.isEmpty()) {
                return Optional.empty();
            }
            current = module.orElseThrow();
            final Map<QName, String> keys = new HashMap<>();
            String rest = bracket < 0 ? "" : part.substring(bracket);
            while (!rest.isEmpty()) {
                final int close = closing(rest);
                if (!rest.startsWith("[") || close < 0) {
                    return Optional.empty();
                }
                final String predicate = rest.substring(1, close);
                final int eq = predicate.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                final String keyName = predicate.substring(0, eq).strip();
                final String quoted = predicate.substring(eq + 1).strip();
                final Optional<QNameModule> keyModule = moduleOf(keyName, current);
                if (keyModule.isEmpty() || quoted.length() < 2 || quoted.charAt(0) != quoted.charAt(quoted.length() - 1)
                        || quoted.charAt(0) != '\'' && quoted.charAt(0) != '"') {
                    return Optional.empty();
                }
                keys.put(QName.create(keyModule.orElseThrow(),
                    localName(keyName)), quoted.substring(1, quoted.length() - 1));
                rest = rest.substring(close + 1);
            }
            steps.add(new PathPattern.Step(QName.create(current,
                localName(name)), keys));
        }
        return Optional.of(new PathPattern(steps));
    }

    private Optional<QNameModule> moduleOf(final String name, final QNameModule current) {
        final int colon = name.indexOf(':');
        if (colon < 0) {
            return Optional.ofNullable(current);
        }
        final String prefix = name.substring(0, colon);
        final Optional<QNameModule> byName = context.findModules(prefix).stream().findFirst()
            .map(Module::getQNameModule);
        if (byName.isPresent()) {
            return byName;
        }
        return context.getModules().stream().filter(m -> m.getPrefix().equals(prefix)).findFirst()
            .map(Module::getQNameModule);
    }

    private static String localName(final String name) {
        return name.substring(name.indexOf(':') + 1).strip();
    }

    /** The index of the ']' closing the predicate that starts the text, quotes respected. */
    private static int closing(final String text) {
        char quote = 0;
        for (int i = 1; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** The path split at the '/' that are outside predicates. */
    private static List<String> split(final String path) {
        final List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            final char c = path.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '/' && depth == 0) {
                parts.add(path.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(path.substring(start).strip());
        return parts;
    }
}
