package org.sdqkd.features;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reading one section of a YAML configuration file with errors that name the file and the key
 * ({@code netconf.users[0].password-hash}): unknown keys, missing keys, values of the wrong type or out of range.
 * Relative paths are resolved against the file's directory.
 */
final class YamlSection {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();

    private final String file;
    private final Path base;
    private final String prefix;

    /**
     * A section.
     *
     * @param file   the file's name as the user gave it, for messages
     * @param base   the directory relative paths are resolved against
     * @param prefix the section's key path and a dot ({@code "netconf."}), or empty for the whole file
     */
    YamlSection(final String file, final Path base, final String prefix) {
        this.file = file;
        this.base = base;
        this.prefix = prefix;
    }

    /** The file's name as the user gave it. */
    String file() {
        return file;
    }

    /** The directory relative paths are resolved against. */
    Path base() {
        return base;
    }

    /** A section of the same file under {@code key}. */
    YamlSection section(final String key) {
        return new YamlSection(file, base, prefix + key + ".");
    }

    /**
     * Reads a YAML file into a tree; duplicate keys are errors.
     *
     * @param file the file
     * @return its tree
     * @throws ConfigException when it cannot be read or is not YAML; the message names the file
     */
    static JsonNode read(final Path file) throws ConfigException {
        try (InputStream in = Files.newInputStream(file.toAbsolutePath())) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + syntaxError(e), e);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A YAML syntax error without the text around it, which may hold a password hash. */
    private static String syntaxError(final JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return "line " + (yaml.getProblemMark().getLine() + 1) + ", column "
                + (yaml.getProblemMark().getColumn() + 1) + ": not valid YAML: " + yaml.getProblem();
        }
        final JsonLocation where = e.getLocation();
        final String at = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
        return at + "not valid YAML: " + e.getOriginalMessage();
    }

    void mapping(final JsonNode node, final String key, final Set<String> allowed)
            throws ConfigException {
        if (!node.isObject()) {
            throw error(key.isEmpty() ? "(top level)" : key, "expected a mapping, found " + kind(node));
        }
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!allowed.contains(name)) {
                throw error(key.isEmpty() ? name : key + "." + name,
                    "unknown key; expected one of " + String.join(", ", allowed));
            }
        }
    }

    JsonNode required(final JsonNode parent, final String key, final String name)
            throws ConfigException {
        final JsonNode value = optional(parent, name);
        if (value == null) {
            throw error(key, "missing");
        }
        return value;
    }

    static JsonNode optional(final JsonNode parent, final String name) {
        final JsonNode value = parent.get(name);
        return value == null || value.isNull() ? null : value;
    }

    String text(final JsonNode node, final String key) throws ConfigException {
        if (!node.isTextual()) {
            throw error(key, "expected a string, found " + kind(node));
        }
        return node.textValue();
    }

    Optional<String> optionalText(final JsonNode parent, final String key, final String name)
            throws ConfigException {
        final JsonNode value = optional(parent, name);
        return value == null ? Optional.empty() : Optional.of(text(value, key));
    }

    int integer(final JsonNode parent, final String key, final String name, final int min,
            final int max, final int defaultValue) throws ConfigException {
        final JsonNode value = optional(parent, name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isIntegralNumber()) {
            throw error(key, "expected an integer, found " + kind(value));
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw error(key, value.asText() + " is out of range " + min + ".." + max);
        }
        return value.intValue();
    }

    boolean bool(final JsonNode parent, final String key, final String name, final boolean defaultValue)
            throws ConfigException {
        final JsonNode value = optional(parent, name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw error(key, "expected true or false, found " + kind(value));
        }
        return value.booleanValue();
    }

    Duration duration(final JsonNode parent, final String key, final String name,
            final boolean zeroAllowed, final Duration defaultValue) throws ConfigException {
        final JsonNode value = optional(parent, name);
        if (value == null) {
            return defaultValue;
        }
        final Duration duration;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            duration = Duration.ofSeconds(value.longValue());
        } else if (value.isTextual() && DIGITS.matcher(value.textValue()).matches()) {
            try {
                duration = Duration.ofSeconds(Long.parseLong(value.textValue()));
            } catch (NumberFormatException e) {
                throw error(key, value.textValue() + " seconds is out of range");
            }
        } else if (value.isTextual()) {
            try {
                duration = Duration.parse(value.textValue());
            } catch (DateTimeParseException e) {
                throw error(key, "expected whole seconds or an ISO-8601 duration such as PT30M or PT1H, not "
                    + value.textValue());
            }
        } else {
            throw error(key, "expected whole seconds or an ISO-8601 duration such as PT30M, found "
                + kind(value));
        }
        if (duration.isNegative() || !zeroAllowed && duration.isZero()) {
            throw error(key, "must be " + (zeroAllowed ? "zero or positive" : "positive") + ", not "
                + value.asText());
        }
        return duration;
    }

    Path path(final JsonNode node, final String key) throws ConfigException {
        final String text = text(node, key);
        if (text.isBlank()) {
            throw error(key, "blank path");
        }
        try {
            return base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw error(key, "not a valid path: " + e.getReason());
        }
    }

    static String kind(final JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number with a fraction";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "nothing";
            case BINARY, POJO -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * An error about one key of this section.
     *
     * @param key     the key's path within the section
     * @param message what is wrong
     * @return the exception, naming the file and the whole key path
     */
    ConfigException error(final String key, final String message) {
        return new ConfigException(file + ": " + prefix + key + ": " + message);
    }
}
