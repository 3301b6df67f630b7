package org.sdqkd.controller.impl.schema;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.Revision;

/**
 * The modules of a hello's capabilities: {@code namespace?module=name&revision=date&features=a,b&deviations=m}
 * (RFC 6020 section 5.6.4, the YANG 1.0 module capability; RFC 7950 has YANG 1.1 modules in the YANG library).
 */
public final class HelloModules {
    private HelloModules() {
        // static only
    }

    /**
     * The modules a hello announces, the deviation modules included.
     *
     * @param capabilities the hello's capabilities
     * @return the modules, in the order announced
     */
    public static List<ModuleRef> of(final Collection<URI> capabilities) {
        final List<ModuleRef> modules = new ArrayList<>();
        for (URI capability : capabilities) {
            final Map<String, String> parameters = parameters(capability);
            final String name = parameters.get("module");
            if (name == null || name.isBlank()) {
                continue;
            }
            final Optional<Revision> revision = Optional.ofNullable(parameters.get("revision"))
                .flatMap(HelloModules::revision);
            final Optional<Set<String>> features = Optional.of(list(parameters.get("features")));
            modules.add(new ModuleRef(name, revision, features));
            for (String deviation : list(parameters.get("deviations"))) {
                modules.add(new ModuleRef(deviation, Optional.empty(), Optional.empty()));
            }
        }
        return modules;
    }

    /**
     * The features the hello announces for a module, if it announces the module.
     *
     * @param capabilities the hello's capabilities
     * @param name         the module's name
     * @return its features
     */
    public static Optional<Set<String>> featuresOf(final Collection<URI> capabilities, final String name) {
        return of(capabilities).stream().filter(module -> module.name().equals(name)).findFirst()
            .flatMap(ModuleRef::features);
    }

    private static Optional<Revision> revision(final String text) {
        try {
            return Optional.of(Revision.of(text));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Set<String> list(final String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, String> parameters(final URI capability) {
        final String text = capability.toString();
        final int query = text.indexOf('?');
        final Map<String, String> parameters = new HashMap<>();
        if (query < 0) {
            return parameters;
        }
        for (String pair : text.substring(query + 1).split("&")) {
            final int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
