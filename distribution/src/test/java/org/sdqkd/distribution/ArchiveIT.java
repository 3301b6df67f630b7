package org.sdqkd.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.etsi014.Etsi014Client;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * The archive {@code sdqkd-VERSION.tar.gz}, unpacked into an empty directory and run without the checkout, Maven or
 * {@code ~/.m2}: its layout, {@code --version}, {@code validate}, {@code pki} and a pair of nodes that deliver a key
 * by ETSI GS QKD 014.
 */
class ArchiveIT {
    private static final Duration KEYS_WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path root;

    private static UnpackedArchive archive;

    @BeforeAll
    static void unpack() throws Exception {
        archive = UnpackedArchive.unpack(root);
    }

    @Test
    void holdsTheLauncherTheClassPathTheConfigurationAndTheLicences() throws Exception {
        final Path home = archive.home();
        assertEquals("sdqkd-" + System.getProperty("sdqkd.version"), home.getFileName().toString());
        assertTrue(Files.isExecutable(home.resolve("bin/sdqkd")));
        for (String file : List.of("LICENSE", "NOTICE", "THIRD-PARTY.txt", "config/agent.yaml", "config/logback.xml",
                "config/logback-service.xml", "completion/sdqkd",
                "config/node/almagro.yaml", "config/node/norte.json", "config/node/traces/almagro-norte.csv")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        try (var jars = Files.list(home.resolve("lib"))) {
            final List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("sdqkd-features-")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("logback-classic-")), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("slf4j-simple-")), "one SLF4J provider: logback");
        }
        assertTrue(Files.isDirectory(home.resolve("licenses/sshd-core")), "MINA SSHD's licence and notice");
    }

    @Test
    void holdsAManPagePerCommand() throws Exception {
        final String node = ManPages.assertComplete(archive.home().resolve("share/man/man1"));
        assertTrue(node.contains("--ready-file"), node);
    }

    @Test
    void printsTheVersionForEveryCommand() throws Exception {
        final String expected = "sdqkd " + System.getProperty("sdqkd.version");
        for (List<String> command : List.of(List.of("--version"), List.of("validate", "--version"),
                List.of("node", "--version"), List.of("pki", "sae", "--version"))) {
            final UnpackedArchive.Result result = archive.run(command.toArray(String[]::new));
            assertEquals(0, result.status(), result.output());
            assertEquals(expected, result.output().strip(), String.join(" ", command));
        }
        assertFalse(Files.exists(archive.userHome().resolve(".m2")), "nothing of Maven under HOME");
    }

    @Test
    void validatesTheShippedExamplesAndRejectsABrokenOne() throws Exception {
        final Path examples = archive.home().resolve("config/node");
        final UnpackedArchive.Result valid = archive.run("validate", examples.resolve("almagro.json").toString(),
            examples.resolve("norte.json").toString(), examples.resolve("concepcion.json").toString());
        assertEquals(0, valid.status(), valid.output());
        final Path broken = archive.work().resolve("broken.json");
        Files.writeString(broken, Files.readString(examples.resolve("norte.json"))
            .replace("\"qkdl_enable\": true", "\"qkdl_enable\": \"maybe\""));
        final UnpackedArchive.Result invalid = archive.run("validate", broken.toString());
        assertEquals(1, invalid.status(), invalid.output());
        assertTrue(invalid.output().contains("qkdl_enable"), invalid.output());
    }

    @Test
    void twoNodesDeliverAKeyByEtsi014AndLogTheAuditToItsOwnFile() throws Exception {
        byte[] material;
        String keyId;
        try (NodePair pair = NodePair.start(archive)) {
            final Path pki = pair.dir().resolve("pki");
            try (Etsi014Client almagro = client(pki, "sae-almagro-1", pair.kmePort("almagro"));
                 Etsi014Client norte = client(pki, "sae-norte-1", pair.kmePort("norte"))) {
                final Instant deadline = Instant.now().plus(KEYS_WAIT);
                while (almagro.status("sae-norte-1").storedKeyCount() < 1) {
                    assertTrue(Instant.now().isBefore(deadline), "no key on the link after " + KEYS_WAIT);
                    Thread.sleep(200);
                }
                final KeyContainer sent = almagro.encKeys("sae-norte-1", KeyRequest.of(1, 256));
                final QkdKey key = sent.keys().get(0);
                final KeyContainer got = norte.decKeys("sae-almagro-1", KeyIds.of(List.of(key.id())));
                assertEquals(key.id(), got.keys().get(0).id());
                assertArrayEquals(key.material(), got.keys().get(0).material(), "the same key at both ends");
                assertEquals(32, key.length(), "256 bits");
                material = key.material();
                keyId = key.id().toString();
                sent.erase();
                got.erase();
            }
            final long sessionId = netconfSession(pair.netconfPort("almagro"));
            assertEquals(0, pair.stop("norte"), Files.readString(pair.output("norte")));
            assertEquals(0, pair.stop("almagro"), Files.readString(pair.output("almagro")));
            assertLogs(pair, keyId, material);
            assertSessionLog(pair, sessionId);
        }
    }

    /**
     * The service logging of the nodes: each KME's audit in its own file, naming the key_ID it delivered; the NETCONF
     * server's sessions in their own; no audit line in the main log; and the key's bytes in no file at all.
     */
    private static void assertLogs(final NodePair pair, final String keyId, final byte[] material) throws Exception {
        final Path logs = pair.logs();
        final String almagroAudit = Files.readString(logs.resolve("almagro-kme-audit.log"));
        assertTrue(almagroAudit.contains("enc_keys") && almagroAudit.contains(keyId), almagroAudit);
        final String norteAudit = Files.readString(logs.resolve("norte-kme-audit.log"));
        assertTrue(norteAudit.contains("dec_keys") && norteAudit.contains(keyId), norteAudit);
        assertTrue(Files.readString(logs.resolve("norte-netconf.log")).contains("NETCONF SSH server"));
        final String almagroMain = Files.readString(logs.resolve("almagro.log"));
        assertTrue(almagroMain.contains("KME"), almagroMain);
        assertFalse(almagroMain.contains(keyId), "no audit line in the main log");
        final List<String> forms = List.of(Base64.getEncoder().encodeToString(material),
            HexFormat.of().formatHex(material), HexFormat.of().withUpperCase().formatHex(material));
        try (Stream<Path> files = Stream.concat(Files.walk(logs), Stream.of(pair.output("almagro"),
                pair.output("norte")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                final String text = Files.readString(file);
                for (String form : forms) {
                    assertFalse(text.contains(form), "key bytes in " + file);
                }
            }
        }
    }

    /** Opens a NETCONF session to the node's agent as the example's user admin and closes it; its session-id. */
    private static long netconfSession(final int port) throws Exception {
        try (NetconfClient client = NetconfClient.create()) {
            final NetconfSession session = client.connect(ConnectOptions.builder("127.0.0.1", port, "admin")
                .password("sdqkd-demo".toCharArray())
                .hostKeys(HostKeyVerification.acceptAny())
                .connectTimeout(Duration.ofSeconds(60))
                .helloTimeout(Duration.ofSeconds(60))
                .build()).get(2, TimeUnit.MINUTES);
            final long id = session.sessionId();
            session.close();
            session.closeFuture().get(1, TimeUnit.MINUTES);
            return id;
        }
    }

    /**
     * Issue 20: the node's NETCONF session log is in its own file, a line for the session's start and one for its
     * end, with the user, the address and the key exchange method; not in the main log.
     */
    private static void assertSessionLog(final NodePair pair, final long sessionId) throws Exception {
        final Path logs = pair.logs();
        final List<String> lines = Files.readAllLines(logs.resolve("almagro-netconf-sessions.log"));
        final String started = "session " + sessionId + " started: user admin from 127.0.0.1 port ";
        final String ended = "session " + sessionId + " ended (";
        assertTrue(lines.stream().anyMatch(l -> l.contains("org.sdqkd.netconf.sessions - " + started)
            && l.contains(", key exchange ")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(ended) && l.contains("user admin from 127.0.0.1")),
            String.join("\n", lines));
        assertEquals(2, lines.stream().filter(l -> l.contains("session " + sessionId + " ")).count(), lines::toString);
        assertFalse(Files.readString(logs.resolve("almagro.log")).contains(started), "not in the main log");
        assertFalse(Files.readString(logs.resolve("almagro-netconf.log")).contains(started), "not in the server's");
    }

    private static Etsi014Client client(final Path pki, final String sae, final int port) throws Exception {
        final SSLContext tls = TlsIdentity.load(pki.resolve(sae + ".crt"), pki.resolve(sae + ".key"),
            pki.resolve("ca.crt")).sslContext();
        return Etsi014Client.https(URI.create("https://127.0.0.1:" + port), tls, Duration.ofSeconds(10));
    }
}
