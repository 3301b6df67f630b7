package org.sdqkd.controller.impl.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdqkd.controller.api.ControllerConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reading the tree SnakeYAML makes of a configuration file (maps, lists, strings, numbers, booleans) with errors that
 * name the file and the whole key ({@code restconf.users[0].password-hash}): unknown keys, missing keys, values of the
 * wrong type or out of range. Relative paths are resolved against the file's directory.
 */
final class YamlKeys {
    private final String file;
    private final Path base;

    /**
     * Reading keys of one file.
     *
     * @param file the file's name as the user gave it, for messages
     * @param base the directory relative paths are resolved against
     */
    YamlKeys(final String file, final Path base) {
        this.file = file;
        this.base = base;
    }

    /**
     * Reads a YAML file with SnakeYAML's safe constructor (no custom tags); duplicate keys are errors.
     *
     * @param path the file
     * @return its tree: a map, or null for an empty file
     * @throws ControllerConfigException when it cannot be read or is not YAML
     */
    static Object read(final Path path) throws ControllerConfigException {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(in);
        } catch (MarkedYAMLException e) {
            // without the text around the problem, which may hold a password hash
            final String at = e.getProblemMark() == null ? "" : "line " + (e.getProblemMark().getLine() + 1)
                + ", column " + (e.getProblemMark().getColumn() + 1) + ": ";
            throw new ControllerConfigException(path + ": " + at + "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ControllerConfigException(path + ": not valid YAML: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ControllerConfigException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ControllerConfigException(path + ": permission denied", e);
        } catch (IOException e) {
            throw new ControllerConfigException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The directory relative paths are resolved against. */
    Path base() {
        return base;
    }

    /**
     * A mapping with only the allowed keys.
     *
     * @param value   the value
     * @param key     its key path, empty for the top level
     * @param allowed the keys it may have
     * @return the mapping
     * @throws ControllerConfigException when it is no mapping or has another key
     */
    Map<?, ?> mapping(final Object value, final String key, final Set<String> allowed)
            throws ControllerConfigException {
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key.isEmpty() ? "(top level)" : key, "expected a mapping, found " + kind(value));
        }
        for (Object name : map.keySet()) {
            if (!(name instanceof String text) || !allowed.contains(text)) {
                throw error(key.isEmpty() ? String.valueOf(name) : key + "." + name,
                    "unknown key; expected one of " + String.join(", ", allowed));
            }
        }
        return map;
    }

    /** The value of a key, or null when absent or null. */
    static Object optional(final Map<?, ?> parent, final String name) {
        return parent.get(name);
    }

    Object required(final Map<?, ?> parent, final String key, final String name) throws ControllerConfigException {
        final Object value = parent.get(name);
        if (value == null) {
            throw error(key, "missing");
        }
        return value;
    }

    String text(final Object value, final String key) throws ControllerConfigException {
        if (!(value instanceof String text)) {
            throw error(key, "expected a string, found " + kind(value));
        }
        if (text.isBlank()) {
            throw error(key, "blank");
        }
        return text;
    }

    Optional<String> optionalText(final Map<?, ?> parent, final String key, final String name)
            throws ControllerConfigException {
        final Object value = parent.get(name);
        return value == null ? Optional.empty() : Optional.of(text(value, key));
    }

    int integer(final Map<?, ?> parent, final String key, final String name, final int min, final int max,
            final int defaultValue) throws ControllerConfigException {
        final Object value = parent.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Integer number)) {
            throw error(key, "expected an integer, found " + kind(value));
        }
        if (number < min || number > max) {
            throw error(key, number + " is out of range " + min + ".." + max);
        }
        return number;
    }

    boolean bool(final Map<?, ?> parent, final String key, final String name, final boolean defaultValue)
            throws ControllerConfigException {
        final Object value = parent.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean bool)) {
            throw error(key, "expected true or false, found " + kind(value));
        }
        return bool;
    }

    /** A duration in whole milliseconds between the bounds. */
    Duration millis(final Map<?, ?> parent, final String key, final String name, final int min, final int max,
            final Duration defaultValue) throws ControllerConfigException {
        return Duration.ofMillis(integer(parent, key, name, min, max, (int) defaultValue.toMillis()));
    }

    List<?> list(final Object value, final String key) throws ControllerConfigException {
        if (!(value instanceof List<?> list)) {
            throw error(key, "expected a list, found " + kind(value));
        }
        return list;
    }

    Path path(final Object value, final String key) throws ControllerConfigException {
        final String text = text(value, key);
        try {
            return base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw error(key, "not a valid path: " + e.getReason());
        }
    }

    /** A path that must name a readable regular file. */
    Path file(final Object value, final String key) throws ControllerConfigException {
        final Path path = path(value, key);
        if (!Files.isRegularFile(path)) {
            throw error(key, path + ": no such file");
        }
        if (!Files.isReadable(path)) {
            throw error(key, path + ": permission denied");
        }
        return path;
    }

    static String kind(final Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> map -> "a mapping";
            case List<?> list -> "a list";
            case String text -> "a string";
            case Boolean bool -> "a boolean";
            case Integer number -> "an integer";
            case Long number -> "an integer";
            case Number number -> "a number";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    /**
     * An error about one key.
     *
     * @param key     the key's whole path
     * @param message what is wrong
     * @return the exception, naming the file and the key
     */
    ControllerConfigException error(final String key, final String message) {
        return new ControllerConfigException(file + ": " + key + ": " + message);
    }
}
