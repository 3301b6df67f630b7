package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import picocli.CommandLine;

/** Reading the agent's YAML configuration: a complete file, defaults, paths, durations and every kind of error. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentConfigTest {
    private static final String PLAINTEXT = "correct-horse-battery";
    private static String hash;
    private static String key1;
    private static String key2;

    @TempDir
    Path dir;

    @BeforeAll
    static void credentials() throws GeneralSecurityException {
        hash = PasswordHash.hash(PLAINTEXT.toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        key1 = PublicKeyEntry.toString(generator.generateKeyPair().getPublic()) + " first@test";
        key2 = PublicKeyEntry.toString(generator.generateKeyPair().getPublic());
    }

    @Test
    void readsEveryKeyWithPathsRelativeToTheFile() throws Exception {
        final Path conf = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(conf.resolve("op.keys"), "# operator's keys\n\n" + key2 + "\r\n", UTF_8);
        final AgentConfig config = load(conf.resolve("agent.yaml"), """
            listen:
              address: 127.0.0.2
              port: 8300
            host-key: keys/host_key
            datastore: ../var/data
            limits:
              max-sessions: 4
              idle-timeout: PT2M
              auth-timeout: 15
              max-auth-tries: 3
              max-message-bytes: 2048
              max-xml-depth: 40
            users:
              - name: admin
                password-hash: %s
              - name: operator
                authorized-keys:
                  - %s
                authorized-keys-file: op.keys
            """.formatted(hash, key1));
        final SshServerConfig ssh = config.ssh();
        assertEquals("127.0.0.2", ssh.bindAddress());
        assertEquals(8300, ssh.port());
        assertEquals(conf.resolve("keys/host_key").toAbsolutePath(), ssh.hostKeyFile());
        assertEquals(dir.resolve("var/data").toAbsolutePath(), config.datastoreDirectory());
        assertEquals(4, ssh.maxSessions());
        assertEquals(Duration.ofMinutes(2), ssh.idleTimeout());
        assertEquals(Duration.ofSeconds(15), ssh.authTimeout());
        assertEquals(3, ssh.maxAuthTries());
        assertEquals(2048, config.maxMessageBytes());
        assertEquals(40, config.maxXmlDepth());
        assertEquals(List.of(new SshUser("admin", Optional.of(PasswordHash.parse(hash)), List.of()),
            SshUser.withKeys("operator", List.of(key1, key2))), ssh.users());
        assertEquals(1234, config.withPort(1234).ssh().port());
    }

    @Test
    void leavesOutWhatHasADefault() throws Exception {
        final AgentConfig config = load(dir.resolve("agent.yaml"), minimal(""));
        final SshServerConfig ssh = config.ssh();
        assertEquals("127.0.0.1", ssh.bindAddress());
        assertEquals(830, ssh.port());
        assertEquals(dir.resolve("host_key").toAbsolutePath(), ssh.hostKeyFile());
        assertEquals(dir.resolve("data").toAbsolutePath(), config.datastoreDirectory());
        assertEquals(SshServerConfig.DEFAULT_MAX_SESSIONS, ssh.maxSessions());
        assertEquals(SshServerConfig.DEFAULT_IDLE_TIMEOUT, ssh.idleTimeout());
        assertEquals(SshServerConfig.DEFAULT_AUTH_TIMEOUT, ssh.authTimeout());
        assertEquals(SshServerConfig.DEFAULT_MAX_AUTH_TRIES, ssh.maxAuthTries());
        assertEquals(AgentSettings.DEFAULT_MAX_MESSAGE_BYTES, config.maxMessageBytes());
        assertEquals(256, config.maxXmlDepth());
        // an empty mapping is the same as none
        assertEquals(config, load(dir.resolve("b.yaml"), minimal("limits:\nlisten:\n")));
    }

    @Test
    void absolutePathsStayAsTheyAre() throws Exception {
        final Path elsewhere = dir.resolve("elsewhere").toAbsolutePath();
        final AgentConfig config = load(dir.resolve("sub/agent.yaml"), """
            host-key: %s/key
            datastore: %s
            users: [{name: admin, password-hash: "%s"}]
            """.formatted(elsewhere, elsewhere, hash));
        assertEquals(elsewhere.resolve("key"), config.ssh().hostKeyFile());
        assertEquals(elsewhere, config.datastoreDirectory());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|PT0S", "45|PT45S", "'\"45\"'|PT45S", "PT1H30M|PT1H30M", "P1D|PT24H", "'\"PT0.5S\"'|PT0.5S"
    })
    void readsDurationsAsSecondsOrIso8601(final String yaml, final String expected) throws Exception {
        final AgentConfig config = load(dir.resolve("agent.yaml"), minimal("limits: {idle-timeout: " + yaml + "}\n"));
        assertEquals(Duration.parse(expected), config.ssh().idleTimeout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the key as the message names it | the extra YAML | what the message says
        "verbose| 'verbose: true'| unknown key; expected one of listen, host-key",
        "listen.adress| 'listen: {adress: 127.0.0.1}'| unknown key; expected one of address, port",
        "limits.max-session| 'limits: {max-session: 3}'| unknown key",
        "listen.port| 'listen: {port: \"830\"}'| expected an integer, found a string",
        "listen.port| 'listen: {port: 70000}'| 70000 is out of range 0..65535",
        "listen.port| 'listen: {port: -1}'| -1 is out of range 0..65535",
        "listen.port| 'listen: {port: 99999999999}'| is out of range 0..65535",
        "listen| 'listen: 830'| expected a mapping, found an integer",
        "listen.address| 'listen: {address: [a, b]}'| expected a string, found a list",
        "listen.address| 'listen: {address: \" \"}'| blank address",
        "limits.max-sessions| 'limits: {max-sessions: 1.5}'| expected an integer, found a number with a fraction",
        "limits.max-sessions| 'limits: {max-sessions: 0}'| out of range 1..",
        "limits.max-auth-tries| 'limits: {max-auth-tries: yes}'| expected an integer, found a boolean",
        "limits.max-message-bytes| 'limits: {max-message-bytes: 1000}'| out of range 1024..",
        "limits.max-xml-depth| 'limits: {max-xml-depth: 0}'| out of range 1..",
        "limits.idle-timeout| 'limits: {idle-timeout: 30m}'| expected whole seconds or an ISO-8601 duration",
        "limits.idle-timeout| 'limits: {idle-timeout: -5}'| must be zero or positive",
        "limits.idle-timeout| 'limits: {idle-timeout: [1]}'| found a list",
        "limits.auth-timeout| 'limits: {auth-timeout: 0}'| must be positive",
        "limits.auth-timeout| 'limits: {auth-timeout: PT-1S}'| must be positive",
    })
    void namesTheKeyOfEachError(final String key, final String extra, final String message) throws Exception {
        final Path file = dir.resolve("agent.yaml");
        final ConfigException e = loadFails(file, minimal(extra + "\n"));
        assertTrue(e.getMessage().startsWith(file + ": " + key + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static Stream<Arguments> userAndPathErrors() {
        final String user = "users: [{name: a, password-hash: \"%s\"}]";
        final String start = "host-key: k\ndatastore: d\n";
        return Stream.of(
            // the key as the message names it, the YAML, what the message says
            Arguments.of("host-key", "datastore: d\n" + user, "missing"),
            Arguments.of("datastore", "host-key: k\n" + user, "missing"),
            Arguments.of("users", start, "missing"),
            Arguments.of("users", start + "users: []", "expected a list of at least one user"),
            Arguments.of("users", start + "users: {name: a}", "expected a list of at least one user, found a mapping"),
            Arguments.of("users[0].name", start + "users: [{password-hash: \"%s\"}]", "missing"),
            Arguments.of("users[0].name", start + "users: [{name: 7, password-hash: \"%s\"}]", "expected a string"),
            Arguments.of("users[0]", start + "users: [{name: a}]", "user a has no password-hash"),
            Arguments.of("users[1].name", start + "users: [{name: a, password-hash: \"%s\"}, "
                + "{name: a, password-hash: \"%s\"}]", "user a is configured twice"),
            Arguments.of("users[0].passwd", start + "users: [{name: a, passwd: x}]", "unknown key"),
            Arguments.of("users[0].authorized-keys", start + "users: [{name: a, authorized-keys: x}]",
                "expected a list of OpenSSH public key lines, found a string"),
            Arguments.of("users[0].authorized-keys[0]", start + "users: [{name: a, authorized-keys: [nonsense]}]",
                "not an OpenSSH public key line"),
            Arguments.of("users[0].authorized-keys[0]",
                start + "users: [{name: a, authorized-keys: [\"ssh-ed25519 AAAAnotbase64!\"]}]", "not"),
            Arguments.of("users[0].authorized-keys[0]",
                start + "users: [{name: a, authorized-keys: [\"from=\\\"10.0.0.1\\\" %k\"]}]",
                "options (from=, command=...) are not supported"),
            Arguments.of("(top level)", "- just a list", "expected a mapping, found a list"));
    }

    @ParameterizedTest
    @MethodSource("userAndPathErrors")
    void namesTheKeyOfEachUserOrPathError(final String key, final String yaml, final String message)
            throws Exception {
        final Path file = dir.resolve("agent.yaml");
        final ConfigException e = loadFails(file, yaml.replace("%s", hash).replace("%k", key1));
        assertTrue(e.getMessage().startsWith(file + ": " + key + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains(hash), e.getMessage());
    }

    @Test
    void refusesPlaintextPasswordsWithoutPrintingThem() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        ConfigException e = loadFails(file, """
            host-key: k
            datastore: d
            users: [{name: admin, password-hash: %s}]
            """.formatted(PLAINTEXT));
        assertEquals(file + ": users[0].password-hash: not a $pbkdf2-sha256$ hash (a plaintext password?); put the "
            + "output of 'sdqkd hash-password' here", e.getMessage());
        e = loadFails(file, """
            host-key: k
            datastore: d
            users: [{name: admin, password: %s}]
            """.formatted(PLAINTEXT));
        assertTrue(e.getMessage().startsWith(file + ": users[0].password: plaintext passwords are not accepted"),
            e.getMessage());
        assertFalse(e.getMessage().contains(PLAINTEXT), e.getMessage());
    }

    @Test
    void refusesMalformedHashesWithoutPrintingThem() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        final String truncated = hash.substring(0, hash.length() - 4);
        final String notBase64 = hash.substring(0, hash.length() - 1) + ".";
        final String fewIterations = hash.replace("$i=" + PasswordHash.MIN_ITERATIONS + "$", "$i=10$");
        for (String bad : List.of(truncated, notBase64, fewIterations)) {
            final ConfigException e = loadFails(file, """
                host-key: k
                datastore: d
                users: [{name: admin, password-hash: "%s"}]
                """.formatted(bad));
            assertTrue(e.getMessage().startsWith(file + ": users[0].password-hash: malformed password hash"),
                e.getMessage());
            final String secretPart = bad.substring(bad.lastIndexOf('$'));
            assertFalse(e.getMessage().contains(secretPart), e.getMessage());
        }
    }

    @Test
    void reportsYamlSyntaxErrorsWithoutQuotingTheText() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        final ConfigException e = loadFails(file, """
            host-key: k
            datastore: d
            users:
              - name: admin
                password-hash: %s
               broken: [
            """.formatted(hash));
        assertTrue(e.getMessage().startsWith(file + ": line "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertFalse(e.getMessage().contains(hash.substring(hash.lastIndexOf('$'))), e.getMessage());
    }

    @Test
    void reportsAMisspeltKeyBeforeAMissingOne() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        assertEquals(file + ": limits.idle-timeot: unknown key; expected one of max-sessions, idle-timeout, "
            + "auth-timeout, max-auth-tries, max-message-bytes, max-xml-depth",
            loadFails(file, "limits: {idle-timeot: 3}\n").getMessage());
        assertEquals(file + ": host-key: missing", loadFails(file, "listen: {port: 1}\n").getMessage());
    }

    @Test
    void refusesDuplicateKeys() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        final ConfigException e = loadFails(file, minimal("listen: {port: 1}\nlisten: {port: 2}\n"));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("listen"), e.getMessage());
    }

    @Test
    void reportsMissingEmptyAndMisplacedFiles() throws Exception {
        final Path missing = dir.resolve("nothing.yaml");
        assertEquals(missing + ": no such file", assertThrows(ConfigException.class,
            () -> AgentConfig.load(missing)).getMessage());
        final ConfigException empty = loadFails(dir.resolve("empty.yaml"), "# nothing but a comment\n");
        assertTrue(empty.getMessage().contains("empty configuration"), empty.getMessage());
        Files.createDirectories(dir.resolve("host_key"));
        final ConfigException hostKey = loadFails(dir.resolve("agent.yaml"), minimal(""));
        assertTrue(hostKey.getMessage().contains(": host-key: " + dir.resolve("host_key").toAbsolutePath()
            + " exists and is not a file"), hostKey.getMessage());
    }

    @Test
    void reportsUnreadableOrEmptyAuthorizedKeysFiles() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        final String config = """
            host-key: k
            datastore: d
            users: [{name: op, authorized-keys-file: op.keys}]
            """;
        final Path keys = dir.resolve("op.keys").toAbsolutePath();
        assertEquals(file + ": users[0].authorized-keys-file: " + keys + ": no such file",
            loadFails(file, config).getMessage());
        Files.createDirectories(keys);
        assertTrue(loadFails(file, config).getMessage().startsWith(file + ": users[0].authorized-keys-file: " + keys
            + ": cannot read"), loadFails(file, config).getMessage());
        Files.delete(keys);
        Files.writeString(keys, "# no keys yet\n\n", UTF_8);
        assertEquals(file + ": users[0].authorized-keys-file: " + keys + " holds no public key",
            loadFails(file, config).getMessage());
        Files.writeString(keys, key1 + "\nssh-rsa garbage\n", UTF_8);
        assertTrue(loadFails(file, config).getMessage().startsWith(file + ": users[0].authorized-keys-file ("
            + keys + " line 2): not"), loadFails(file, config).getMessage());
    }

    @Test
    void theCommandExitsWithStatus2OnConfigErrors() throws Exception {
        final Path file = dir.resolve("agent.yaml");
        Files.writeString(file, minimal("listen: {port: 70000}\n"), UTF_8);
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("agent", "--config", file.toString()));
        assertEquals("sdqkd agent: " + file + ": listen.port: 70000 is out of range 0..65535", err.toString().strip());

        Files.writeString(file, minimal(""), UTF_8);
        final StringWriter err2 = new StringWriter();
        assertEquals(2, new CommandLine(new Main()).setErr(new PrintWriter(err2))
            .execute("agent", "--config", file.toString(), "--port", "65536"));
        assertEquals("sdqkd agent: --port: 65536 is out of range 0..65535", err2.toString().strip());

        final StringWriter err3 = new StringWriter();
        assertEquals(2, new CommandLine(new Main()).setErr(new PrintWriter(err3))
            .execute("agent", "--config", dir.resolve("none.yaml").toString()));
        assertTrue(err3.toString().contains("none.yaml: no such file"), err3.toString());
    }

    private static String minimal(final String extra) {
        return """
            host-key: host_key
            datastore: data
            users:
              - name: admin
                password-hash: %s
            """.formatted(hash) + extra;
    }

    private static AgentConfig load(final Path file, final String yaml) throws IOException, ConfigException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, UTF_8);
        return AgentConfig.load(file);
    }

    private static ConfigException loadFails(final Path file, final String yaml) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, UTF_8);
        return assertThrows(ConfigException.class, () -> AgentConfig.load(file));
    }
}
