package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.ssh.qkd.api.KexPolicy;

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
 * ssh-qkd: {...}              # the hybrid classical + QKD key exchange (see SshQkdConfig); standard
 *                             # methods only when absent
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
 * @param sshQkd             the {@code ssh-qkd} section, when there is one
 * @param sshQkdIdentity     the SAE's TLS identity for the KME, when the section is complete on its own (a standalone
 *                           agent's); a node fills in its own defaults
 */
public record AgentConfig(SshServerConfig ssh, Path datastoreDirectory, int maxXmlDepth, int maxMessageBytes,
        Optional<SshQkdConfig> sshQkd, Optional<TlsIdentity> sshQkdIdentity) {

    /** The smallest {@code max-message-bytes} the agent accepts. */
    public static final int MIN_MESSAGE_BYTES = 1024;

    private static final Set<String> TOP_KEYS = keys("listen", "host-key", "datastore", "limits", "users",
        "ssh-qkd");
    private static final Set<String> LISTEN_KEYS = keys("address", "port");
    private static final Set<String> LIMIT_KEYS = keys("max-sessions", "idle-timeout", "auth-timeout",
        "max-auth-tries", "max-message-bytes", "max-xml-depth");
    private static final Set<String> USER_KEYS = keys("name", "password-hash", "authorized-keys",
        "authorized-keys-file");

    /**
     * Reads a configuration file.
     *
     * @param file the YAML file
     * @return the configuration, with absolute paths
     * @throws ConfigException when the file cannot be read or holds an error; the message names the file and key
     */
    public static AgentConfig load(final Path file) throws ConfigException {
        final Path absolute = file.toAbsolutePath().normalize();
        final YamlSection yaml = new YamlSection(file.toString(), absolute.getParent(), "");
        final AgentConfig config = parse(yaml, YamlSection.read(absolute));
        final Optional<SshQkdConfig> qkd = config.sshQkd().filter(q -> q.settings().policy() != KexPolicy.OFF);
        if (qkd.isEmpty()) {
            return config;
        }
        // a standalone agent has no KME of its own: the section must name the KME and the SAE's files
        final TlsIdentity identity = qkd.get().identity(yaml, "ssh-qkd", Optional.empty(), Optional.empty());
        if (qkd.get().kmeUrl().isEmpty()) {
            throw yaml.error("ssh-qkd.kme.url", "missing: the hybrid key exchange needs the KME's URL");
        }
        return new AgentConfig(config.ssh(), config.datastoreDirectory(), config.maxXmlDepth(),
            config.maxMessageBytes(), config.sshQkd(), Optional.of(identity));
    }

    /**
     * Reads an agent configuration from a section of a larger file (the {@code netconf} section of a node's).
     *
     * @param section the section, for messages and relative paths
     * @param node    the section's tree
     * @return the configuration, with absolute paths
     * @throws ConfigException when the section holds an error
     */
    static AgentConfig parse(final YamlSection section, final JsonNode node) throws ConfigException {
        return new Parser(section).parse(node);
    }

    /**
     * Returns this configuration listening on another port.
     *
     * @param port 0 (any free port) to 65535
     * @return the changed configuration
     * @throws IllegalArgumentException if the port is out of range
     */
    public AgentConfig withPort(final int port) {
        return new AgentConfig(ssh.withPort(port), datastoreDirectory, maxXmlDepth, maxMessageBytes, sshQkd,
            sshQkdIdentity);
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

    /** Walks the tree of one file, naming each key by its path ({@code users[0].password-hash}). */
    private static final class Parser {
        private final YamlSection yaml;

        Parser(final YamlSection yaml) {
            this.yaml = yaml;
        }

        AgentConfig parse(final JsonNode root) throws ConfigException {
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException(yaml.file() + ": empty configuration; at least host-key, datastore and users "
                    + "are needed");
            }
            yaml.mapping(root, "", TOP_KEYS);
            // unknown keys first: a misspelt key may be why a required one is missing
            final JsonNode listen = YamlSection.optional(root, "listen");
            final JsonNode limits = YamlSection.optional(root, "limits");
            if (listen != null) {
                yaml.mapping(listen, "listen", LISTEN_KEYS);
            }
            if (limits != null) {
                yaml.mapping(limits, "limits", LIMIT_KEYS);
            }
            String address = SshServerConfig.DEFAULT_BIND_ADDRESS;
            int port = SshServerConfig.DEFAULT_PORT;
            if (listen != null) {
                address = yaml.optionalText(listen, "listen.address", "address").orElse(address);
                if (address.isBlank()) {
                    throw yaml.error("listen.address", "blank address");
                }
                port = yaml.integer(listen, "listen.port", "port", 0, 0xFFFF, port);
            }
            final Path hostKey = yaml.path(yaml.required(root, "host-key", "host-key"), "host-key");
            if (Files.exists(hostKey) && !Files.isRegularFile(hostKey)) {
                throw yaml.error("host-key", hostKey + " exists and is not a file");
            }
            final Path datastore = yaml.path(yaml.required(root, "datastore", "datastore"), "datastore");
            if (Files.exists(datastore) && !Files.isDirectory(datastore)) {
                throw yaml.error("datastore", datastore + " exists and is not a directory");
            }
            SshServerConfig ssh = new SshServerConfig(address, port, hostKey, users(root),
                SshServerConfig.DEFAULT_IDLE_TIMEOUT, SshServerConfig.DEFAULT_MAX_SESSIONS,
                SshServerConfig.DEFAULT_MAX_AUTH_TRIES, SshServerConfig.DEFAULT_AUTH_TIMEOUT);
            int maxXmlDepth = XmlLimits.DEFAULT.maxDepth();
            int maxMessageBytes = AgentSettings.DEFAULT_MAX_MESSAGE_BYTES;
            if (limits != null) {
                ssh = ssh.withMaxSessions(yaml.integer(limits, "limits.max-sessions", "max-sessions", 1,
                        Integer.MAX_VALUE, ssh.maxSessions()))
                    .withMaxAuthTries(yaml.integer(limits, "limits.max-auth-tries", "max-auth-tries", 1,
                        Integer.MAX_VALUE, ssh.maxAuthTries()))
                    .withIdleTimeout(yaml.duration(limits, "limits.idle-timeout", "idle-timeout", true,
                        ssh.idleTimeout()))
                    .withAuthTimeout(yaml.duration(limits, "limits.auth-timeout", "auth-timeout", false,
                        ssh.authTimeout()));
                maxMessageBytes = yaml.integer(limits, "limits.max-message-bytes", "max-message-bytes",
                    MIN_MESSAGE_BYTES, Integer.MAX_VALUE, maxMessageBytes);
                maxXmlDepth = yaml.integer(limits, "limits.max-xml-depth", "max-xml-depth", 1, Integer.MAX_VALUE,
                    maxXmlDepth);
            }
            final JsonNode qkd = YamlSection.optional(root, "ssh-qkd");
            final Optional<SshQkdConfig> sshQkd = qkd == null ? Optional.empty()
                : Optional.of(SshQkdConfig.parse(yaml, "ssh-qkd", qkd));
            return new AgentConfig(ssh, datastore, maxXmlDepth, maxMessageBytes, sshQkd, Optional.empty());
        }

        private List<SshUser> users(final JsonNode root) throws ConfigException {
            final JsonNode users = yaml.required(root, "users", "users");
            if (!users.isArray() || users.isEmpty()) {
                throw yaml.error("users", "expected a list of at least one user, found " + yaml.kind(users));
            }
            final List<SshUser> result = new ArrayList<>();
            final Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < users.size(); i++) {
                final SshUser user = user(users.get(i), "users[" + i + "]");
                if (!names.add(user.name())) {
                    throw yaml.error("users[" + i + "].name", "user " + user.name() + " is configured twice");
                }
                result.add(user);
            }
            return result;
        }

        private SshUser user(final JsonNode node, final String key) throws ConfigException {
            if (node.isObject() && node.has("password")) {
                throw yaml.error(key + ".password", "plaintext passwords are not accepted; put the output of "
                    + "'sdqkd hash-password' in password-hash");
            }
            yaml.mapping(node, key, USER_KEYS);
            final String name = yaml.text(yaml.required(node, key + ".name", "name"), key + ".name");
            if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                throw yaml.error(key + ".name", "blank or holds control characters");
            }
            Optional<PasswordHash> password = Optional.empty();
            final JsonNode hash = YamlSection.optional(node, "password-hash");
            if (hash != null) {
                password = Optional.of(passwordHash(yaml.text(hash, key + ".password-hash"), key + ".password-hash"));
            }
            final List<String> authorized = new ArrayList<>();
            final JsonNode keys = YamlSection.optional(node, "authorized-keys");
            if (keys != null) {
                if (!keys.isArray()) {
                    throw yaml.error(key + ".authorized-keys", "expected a list of OpenSSH public key lines, found "
                        + yaml.kind(keys));
                }
                for (int i = 0; i < keys.size(); i++) {
                    final String where = key + ".authorized-keys[" + i + "]";
                    authorized.add(publicKey(yaml.text(keys.get(i), where).strip(), where));
                }
            }
            final JsonNode keysFile = YamlSection.optional(node, "authorized-keys-file");
            if (keysFile != null) {
                authorized.addAll(keysFile(yaml.path(keysFile, key + ".authorized-keys-file"),
                    key + ".authorized-keys-file"));
            }
            if (password.isEmpty() && authorized.isEmpty()) {
                throw yaml.error(key, "user " + name
                    + " has no password-hash, authorized-keys or authorized-keys-file");
            }
            return new SshUser(name, password, authorized);
        }

        private PasswordHash passwordHash(final String text, final String key) throws ConfigException {
            if (!text.startsWith("$" + PasswordHash.ALGORITHM + "$")) {
                throw yaml.error(key, "not a $" + PasswordHash.ALGORITHM + "$ hash (a plaintext password?); put the "
                    + "output of 'sdqkd hash-password' here");
            }
            try {
                return PasswordHash.parse(text);
            } catch (IllegalArgumentException e) {
                // a Base64 decoding message quotes a character of the hash: leave it out
                final String why = e.getCause() == null ? e.getMessage() : "its salt or hash is not Base64";
                throw yaml.error(key, "malformed password hash: " + why);
            }
        }

        private List<String> keysFile(final Path path, final String key) throws ConfigException {
            final List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw yaml.error(key, path + ": no such file");
            } catch (AccessDeniedException e) {
                throw yaml.error(key, path + ": permission denied");
            } catch (IOException e) {
                throw yaml.error(key, path + ": cannot read: " + e.getMessage());
            }
            final List<String> result = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    result.add(publicKey(line, key + " (" + path + " line " + (i + 1) + ")"));
                }
            }
            if (result.isEmpty()) {
                throw yaml.error(key, path + " holds no public key");
            }
            return result;
        }

        /** Checks a line as the SSH server will read it, so that the error names the key. */
        private String publicKey(final String line, final String key) throws ConfigException {
            final AuthorizedKeyEntry entry;
            try {
                entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
            } catch (IllegalArgumentException e) {
                throw yaml.error(key, "not an OpenSSH public key line (TYPE BASE64 [COMMENT]): " + e.getMessage());
            }
            if (entry == null) {
                throw yaml.error(key, "empty, or a comment, not an OpenSSH public key line");
            }
            if (!entry.getLoginOptions().isEmpty()) {
                throw yaml.error(key, "authorized_keys options (from=, command=...) are not supported");
            }
            try {
                entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw yaml.error(key, "not a readable public key: " + e.getMessage());
            }
            return line;
        }
    }
}
