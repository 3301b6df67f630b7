package org.sdqkd.netconf.server.impl.agent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement;
import org.sdqkd.netconf.protocol.api.ErrorPath;

/**
 * Turns a data path with module names as prefixes where the module changes ({@code /mod:top/list[key='v']/leaf},
 * RFC 7951 section 6.11 style, as the datastore reports it) into the XPath of an RFC 6241 error-path: every node
 * and key name prefixed with its module's prefix, bound to the module's namespace. Quoted values are copied as
 * they are.
 */
final class ModulePathTranslator {
    private final EffectiveModelContext context;
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private final Map<String, String> prefixOfModule = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final String path;
    private String module;

    private ModulePathTranslator(final String path, final EffectiveModelContext context) {
        this.path = path;
        this.context = context;
    }

    /**
     * Translates a data path; one naming an unknown module, or not of the expected form, is kept as it is.
     *
     * @param path    the data path
     * @param context the models that define its modules
     * @return the error-path
     */
    static ErrorPath translate(final String path, final EffectiveModelContext context) {
        final ModulePathTranslator translator = new ModulePathTranslator(path, context);
        try {
            translator.steps();
        } catch (IllegalArgumentException e) {
            return ErrorPath.of(path);
        }
        return new ErrorPath(translator.out.toString(), translator.namespaces);
    }

    /** The local name of the last node of a data path, without module or predicates. */
    static Optional<String> lastNodeName(final String path) {
        final PathSteps steps = new PathSteps(path);
        String last = null;
        try {
            while (steps.hasStep()) {
                last = steps.nextName();
                while (steps.hasPredicate()) {
                    steps.nextPredicate();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(last).map(name -> name.substring(name.indexOf(':') + 1));
    }

    private void steps() {
        final PathSteps steps = new PathSteps(path);
        if ("/".equals(path)) {
            out.append('/');
            return;
        }
        while (steps.hasStep()) {
            out.append('/').append(name(steps.nextName(), true));
            while (steps.hasPredicate()) {
                final String[] predicate = steps.nextPredicate();
                out.append('[');
                if (predicate.length == 1) {
                    out.append(predicate[0]);
                } else {
                    final String key = predicate[0].strip();
                    out.append(".".equals(key) ? key : name(key, false)).append('=').append(predicate[1]);
                }
                out.append(']');
            }
        }
    }

    private String name(final String name, final boolean step) {
        final int colon = name.indexOf(':');
        String moduleName = module;
        if (colon >= 0) {
            moduleName = name.substring(0, colon);
            if (step) {
                module = moduleName;
            }
        }
        final String local = name.substring(colon + 1);
        return moduleName == null ? local : prefix(moduleName) + ':' + local;
    }

    private String prefix(final String moduleName) {
        return prefixOfModule.computeIfAbsent(moduleName, name -> {
            final ModuleEffectiveStatement found = context.findModuleStatements(name).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown module " + name));
            final String namespace = found.localQNameModule().namespace().toString();
            final String base = found.prefix().argument();
            String prefix = base;
            for (int i = 2; namespaces.containsKey(prefix); i++) {
                prefix = base + i;
            }
            namespaces.put(prefix, namespace);
            return prefix;
        });
    }
}
