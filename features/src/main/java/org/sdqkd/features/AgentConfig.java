package org.sdqkd.features;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.sdqkd.datastore.api.YangModels;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The configuration of {@code sdqkd agent}, read from a YAML file. The keys (every one but {@code host-key},
 * {@code datastore} and {@code users} has a default):
 *
 * <pre>
 * listen: {address: 127.0.0.1, port: 830}
 * host-key: PATH              # OpenSSH key pair, generated when absent
 * datastore: DIRECTORY
 * limits: {max-sessions: 16, idle-timeout: 1800, auth-timeout: 30, max-auth-tries: 10,
 *          max-message-bytes: 67108864, max-xml-depth: 256}
 * users:
 *   - name: NAME
 *     password-hash: $pbkdf2-sha256$i=...   # from sdqkd hash-password
 *     authorized-keys: [LINE, ...]          # OpenSSH public key lines
 *     authorized-keys-file: PATH            # an authorized_keys file
 * </pre>
 *
 * <p>Relative paths are relative to the directory of the configuration file. Durations are whole seconds or ISO-8601
 * durations ({@code PT30M}). Unknown keys, values of the wrong type or out of range, plaintext passwords and
 * unreadable or malformed public keys are errors that name the key.
 *
 * @param ssh                the SSH server's configuration
 * @param datastoreDirectory the datastore directory, absolute
 * @param maxXmlDepth        the deepest XML element nesting accepted
 * @param maxMessageBytes    the largest NETCONF message accepted, in bytes
 */
public record AgentConfig(SshServerConfig ssh, Path datastoreDirectory, int maxXmlDepth, int maxMessageBytes) {

    /** The smallest {@code max-message-bytes} the agent accepts. */
    public static final int MIN_MESSAGE_BYTES = 1024;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Set<String> TOP_KEYS = keys("listen", "host-key", "datastore", "limits", "users");
    private static final Set<String> LISTEN_KEYS = keys("address", "port");
    private static final Set<String> LIMIT_KEYS = keys("max-sessions", "idle-timeout", "auth-timeout",
        "max-auth-tries", "max-message-bytes", "max-xml-depth");
    private static final Set<String> USER_KEYS = keys("name", "password-hash", "authorized-keys",
        "authorized-keys-file");
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();

    /**
     * Reads a configuration file.
     *
     * @param file the YAML file
     * @return the configuration, with absolute paths
     * @throws ConfigException when the file cannot be read or holds an error; the message names the file and key
     */
    public static AgentConfig load(final Path file) throws ConfigException {
        final Path absolute = file.toAbsolutePath().normalize();
        final JsonNode root;
        try (InputStream in = Files.newInputStream(absolute)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + syntaxError(e), e);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new Parser(file.toString(), absolute.getParent()).parse(root);
    }

    /**
     * Returns this configuration listening on another port.
     *
     * @param port 0 (any free port) to 65535
     * @return the changed configuration
     * @throws IllegalArgumentException if the port is out of range
     */
    public AgentConfig withPort(final int port) {
        return new AgentConfig(ssh.withPort(port), datastoreDirectory, maxXmlDepth, maxMessageBytes);
    }

    /**
     * The agent's settings: this configuration with the project's models.
     *
     * @return the settings for {@code NetconfAgent.start}
     */
    public AgentSettings settings() {
        return new AgentSettings(ssh, datastoreDirectory, YangModels.projectModels(),
            new XmlLimits(maxXmlDepth, maxMessageBytes), maxMessageBytes, AgentSettings.DEFAULT_HELLO_TIMEOUT);
    }

    private static Set<String> keys(final String... names) {
        return new LinkedHashSet<>(List.of(names));
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

    /** Walks the tree of one file, naming each key by its path ({@code users[0].password-hash}). */
    private static final class Parser {
        private final String file;
        private final Path base;

        Parser(final String file, final Path base) {
            this.file = file;
            this.base = base;
        }

        AgentConfig parse(final JsonNode root) throws ConfigException {
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException(file + ": empty configuration; at least host-key, datastore and users "
                    + "are needed");
            }
            mapping(root, "", TOP_KEYS);
            // unknown keys first: a misspelt key may be why a required one is missing
            final JsonNode listen = optional(root, "listen");
            final JsonNode limits = optional(root, "limits");
            if (listen != null) {
                mapping(listen, "listen", LISTEN_KEYS);
            }
            if (limits != null) {
                mapping(limits, "limits", LIMIT_KEYS);
            }
            String address = SshServerConfig.DEFAULT_BIND_ADDRESS;
            int port = SshServerConfig.DEFAULT_PORT;
            if (listen != null) {
                address = optionalText(listen, "listen.address", "address").orElse(address);
                if (address.isBlank()) {
                    throw error("listen.address", "blank address");
                }
                port = integer(listen, "listen.port", "port", 0, 0xFFFF, port);
            }
            final Path hostKey = path(required(root, "host-key", "host-key"), "host-key");
            if (Files.exists(hostKey) && !Files.isRegularFile(hostKey)) {
                throw error("host-key", hostKey + " exists and is not a file");
            }
            final Path datastore = path(required(root, "datastore", "datastore"), "datastore");
            if (Files.exists(datastore) && !Files.isDirectory(datastore)) {
                throw error("datastore", datastore + " exists and is not a directory");
            }
            SshServerConfig ssh = new SshServerConfig(address, port, hostKey, users(root),
                SshServerConfig.DEFAULT_IDLE_TIMEOUT, SshServerConfig.DEFAULT_MAX_SESSIONS,
                SshServerConfig.DEFAULT_MAX_AUTH_TRIES, SshServerConfig.DEFAULT_AUTH_TIMEOUT);
            int maxXmlDepth = XmlLimits.DEFAULT.maxDepth();
            int maxMessageBytes = AgentSettings.DEFAULT_MAX_MESSAGE_BYTES;
            if (limits != null) {
                ssh = ssh.withMaxSessions(integer(limits, "limits.max-sessions", "max-sessions", 1,
                        Integer.MAX_VALUE, ssh.maxSessions()))
                    .withMaxAuthTries(integer(limits, "limits.max-auth-tries", "max-auth-tries", 1,
                        Integer.MAX_VALUE, ssh.maxAuthTries()))
                    .withIdleTimeout(duration(limits, "limits.idle-timeout", "idle-timeout", true,
                        ssh.idleTimeout()))
                    .withAuthTimeout(duration(limits, "limits.auth-timeout", "auth-timeout", false,
                        ssh.authTimeout()));
                maxMessageBytes = integer(limits, "limits.max-message-bytes", "max-message-bytes",
                    MIN_MESSAGE_BYTES, Integer.MAX_VALUE, maxMessageBytes);
                maxXmlDepth = integer(limits, "limits.max-xml-depth", "max-xml-depth", 1, Integer.MAX_VALUE,
                    maxXmlDepth);
            }
            return new AgentConfig(ssh, datastore, maxXmlDepth, maxMessageBytes);
        }

        private List<SshUser> users(final JsonNode root) throws ConfigException {
            final JsonNode users = required(root, "users", "users");
            if (!users.isArray() || users.isEmpty()) {
                throw error("users", "expected a list of at least one user, found " + kind(users));
            }
            final List<SshUser> result = new ArrayList<>();
            final Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < users.size(); i++) {
                final SshUser user = user(users.get(i), "users[" + i + "]");
                if (!names.add(user.name())) {
                    throw error("users[" + i + "].name", "user " + user.name() + " is configured twice");
                }
                result.add(user);
            }
            return result;
        }

        private SshUser user(final JsonNode node, final String key) throws ConfigException {
            if (node.isObject() && node.has("password")) {
                throw error(key + ".password", "plaintext passwords are not accepted; put the output of "
                    + "'sdqkd hash-password' in password-hash");
            }
            mapping(node, key, USER_KEYS);
            final String name = text(required(node, key + ".name", "name"), key + ".name");
            if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                throw error(key + ".name", "blank or holds control characters");
            }
            Optional<PasswordHash> password = Optional.empty();
            final JsonNode hash = optional(node, "password-hash");
            if (hash != null) {
                password = Optional.of(passwordHash(text(hash, key + ".password-hash"), key + ".password-hash"));
            }
            final List<String> authorized = new ArrayList<>();
            final JsonNode keys = optional(node, "authorized-keys");
            if (keys != null) {
                if (!keys.isArray()) {
                    throw error(key + ".authorized-keys", "expected a list of OpenSSH public key lines, found "
                        + kind(keys));
                }
                for (int i = 0; i < keys.size(); i++) {
                    final String where = key + ".authorized-keys[" + i + "]";
                    authorized.add(publicKey(text(keys.get(i), where).strip(), where));
                }
            }
            final JsonNode keysFile = optional(node, "authorized-keys-file");
            if (keysFile != null) {
                authorized.addAll(keysFile(path(keysFile, key + ".authorized-keys-file"),
                    key + ".authorized-keys-file"));
            }
            if (password.isEmpty() && authorized.isEmpty()) {
                throw error(key, "user " + name + " has no password-hash, authorized-keys or authorized-keys-file");
            }
            return new SshUser(name, password, authorized);
        }

        private PasswordHash passwordHash(final String text, final String key) throws ConfigException {
            if (!text.startsWith("$" + PasswordHash.ALGORITHM + "$")) {
                throw error(key, "not a $" + PasswordHash.ALGORITHM + "$ hash (a plaintext password?); put the "
                    + "output of 'sdqkd hash-password' here");
            }
            try {
                return PasswordHash.parse(text);
            } catch (IllegalArgumentException e) {
                // a Base64 decoding message quotes a character of the hash: leave it out
                final String why = e.getCause() == null ? e.getMessage() : "its salt or hash is not Base64";
                throw error(key, "malformed password hash: " + why);
            }
        }

        private List<String> keysFile(final Path path, final String key) throws ConfigException {
            final List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw error(key, path + ": no such file");
            } catch (AccessDeniedException e) {
                throw error(key, path + ": permission denied");
            } catch (IOException e) {
                throw error(key, path + ": cannot read: " + e.getMessage());
            }
            final List<String> result = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    result.add(publicKey(line, key + " (" + path + " line " + (i + 1) + ")"));
                }
            }
            if (result.isEmpty()) {
                throw error(key, path + " holds no public key");
            }
            return result;
        }

        /** Checks a line as the SSH server will read it, so that the error names the key. */
        private String publicKey(final String line, final String key) throws ConfigException {
            final AuthorizedKeyEntry entry;
            try {
                entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
            } catch (IllegalArgumentException e) {
                throw error(key, "not an OpenSSH public key line (TYPE BASE64 [COMMENT]): " + e.getMessage());
            }
            if (entry == null) {
                throw error(key, "empty, or a comment, not an OpenSSH public key line");
            }
            if (!entry.getLoginOptions().isEmpty()) {
                throw error(key, "authorized_keys options (from=, command=...) are not supported");
            }
            try {
                entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw error(key, "not a readable public key: " + e.getMessage());
            }
            return line;
        }

        private void mapping(final JsonNode node, final String key, final Set<String> allowed)
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

        private JsonNode required(final JsonNode parent, final String key, final String name)
                throws ConfigException {
            final JsonNode value = optional(parent, name);
            if (value == null) {
                throw error(key, "missing");
            }
            return value;
        }

        private static JsonNode optional(final JsonNode parent, final String name) {
            final JsonNode value = parent.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private String text(final JsonNode node, final String key) throws ConfigException {
            if (!node.isTextual()) {
                throw error(key, "expected a string, found " + kind(node));
            }
            return node.textValue();
        }

        private Optional<String> optionalText(final JsonNode parent, final String key, final String name)
                throws ConfigException {
            final JsonNode value = optional(parent, name);
            return value == null ? Optional.empty() : Optional.of(text(value, key));
        }

        private int integer(final JsonNode parent, final String key, final String name, final int min,
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

        private Duration duration(final JsonNode parent, final String key, final String name,
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

        private Path path(final JsonNode node, final String key) throws ConfigException {
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

        private static String kind(final JsonNode node) {
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

        private ConfigException error(final String key, final String message) {
            return new ConfigException(file + ": " + key + ": " + message);
        }
    }
}
