package org.sdqkd.controller.impl.schema;

import java.util.Map;
import java.util.TreeMap;

/** A device's schema could not be resolved into a model context; it names the modules and why. */
public final class SchemaResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The modules that could not be resolved, each with the reason. */
    private final TreeMap<String, String> unresolved;

    /**
     * An exception.
     *
     * @param message    what went wrong
     * @param unresolved the modules ({@code name@revision}) that could not be had, each with its reason
     * @param cause      the cause, or null
     */
    public SchemaResolutionException(final String message, final Map<String, String> unresolved,
            final Throwable cause) {
        super(message, cause);
        this.unresolved = new TreeMap<>(unresolved);
    }

    /** The modules that could not be resolved, each with the reason. */
    public Map<String, String> unresolved() {
        return Map.copyOf(unresolved);
    }
}
