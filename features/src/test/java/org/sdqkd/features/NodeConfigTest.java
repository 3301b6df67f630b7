package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.qkd.node.api.NodeRestconf;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.qkd.node.api.NodeSshQkd;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;

/** Reading a node's YAML configuration: the example's form, defaults, port overrides and errors naming the key. */
@Timeout(60)
class NodeConfigTest {
    private static final UUID ID = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");

    @TempDir
    Path dir;

    private String hash;

    @BeforeEach
    void pki() throws IOException {
        final CertificateAuthority ca = CertificateAuthority.create(dir.resolve("pki"), "test CA", Duration.ofDays(1));
        ca.issueNode(dir.resolve("pki"), "Almagro", ID, Set.of("127.0.0.1"), Duration.ofDays(1));
        ca.issueNode(dir.resolve("pki"), "Other", UUID.randomUUID(), Set.of("127.0.0.1"), Duration.ofDays(1));
        Files.writeString(dir.resolve("almagro.json"), "{}", UTF_8);
        hash = PasswordHash.hash("secret-pass".toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();
    }

    @Test
    void readsEveryKeyWithPathsRelativeToTheFile() throws Exception {
        final NodeSettings s = load(yaml("Almagro", ID.toString(),
            "kme:\n  listen: {address: 127.0.0.2, port: 9444}\n")).settings();
        assertEquals("Almagro", s.name());
        assertEquals(ID, s.nodeId());
        assertEquals("KME_Almagro", s.kmeId());
        assertEquals("127.0.0.2", s.kmeAddress());
        assertEquals(9444, s.kmePort());
        assertEquals(8301, s.netconf().ssh().port());
        assertEquals(dir.resolve("data/datastore"), s.netconf().datastoreDirectory());
        assertEquals(Optional.of(dir.resolve("almagro.json")), s.initialConfig());
        assertEquals(dir, s.baseDirectory());
    }

    @Test
    void defaultsTheKmeAndOverridesPorts() throws Exception {
        final NodeConfig config = load(yaml("Almagro", ID.toString(), ""));
        assertEquals(NodeConfig.DEFAULT_KME_PORT, config.settings().kmePort());
        final NodeConfig moved = config.withPorts(0, 0);
        assertEquals(0, moved.settings().kmePort());
        assertEquals(0, moved.settings().netconf().ssh().port());
    }

    @Test
    void errorsNameTheFileAndTheKey() throws IOException {
        assertError("node.id: not a UUID", yaml("Almagro", "not-a-uuid", ""));
        assertError("kme.listen.port: 70000 is out of range", yaml("Almagro", ID.toString(),
            "kme:\n  listen: {port: 70000}\n"));
        assertError("kme.lisen: unknown key", yaml("Almagro", ID.toString(), "kme:\n  lisen: {port: 1}\n"));
        assertError("pki.certificate: the node certificate names node", yaml("Other", ID.toString(), ""));
        assertError("pki: ", yaml("Missing", ID.toString(), ""));
        assertError("netconf.users[0].password: plaintext passwords are not accepted",
            yaml("Almagro", ID.toString(), "").replace("password-hash: " + hash, "password: x"));
        assertError("initial-config: ", yaml("Almagro", ID.toString(), "").replace("almagro.json", "none.json"));
        assertError("node: missing", "pki: {ca: pki/ca.crt}\n");
    }

    @Test
    void readsTheHybridKeyExchangeWithTheNodesOwnKmeAndPkiByDefault() throws Exception {
        CertificateAuthority.load(dir.resolve("pki")).issueSae(dir.resolve("pki"), "sae-almagro-nc",
            Duration.ofDays(1));
        final NodeSettings s = load(withSshQkd("policy: required\n"
            + "method: [x25519-qkd]\n"
            + "kme: {local-sae-id: sae-almagro-nc, timeout: 500}\n"
            + "peer: [sae-controller]\n"
            + "rekey: {max-bytes: 4096, max-time: 60}\n")).settings();
        final NodeSshQkd qkd = s.sshQkd().orElseThrow();
        assertEquals(KexPolicy.REQUIRED, qkd.settings().policy());
        assertEquals(List.of(HybridMethod.X25519_QKD), qkd.settings().offeredMethods());
        assertEquals(Set.of("sae-controller"), qkd.settings().peers());
        assertEquals(4096, qkd.settings().rekeyMaxBytes());
        assertEquals(Duration.ofSeconds(60), qkd.settings().rekeyMaxTime());
        assertEquals(Duration.ofMillis(500), qkd.timeout());
        assertEquals(Optional.empty(), qkd.kmeUrl(), "the node's own KME, wherever it listens");
        assertEquals(Optional.of("sae-almagro-nc"), TlsIdentity.commonName(qkd.identity().certificate()));
        assertEquals(Optional.empty(), load(withSshQkd("policy: 'off'\n")).settings().sshQkd());
        assertEquals(Optional.empty(), load(withSshQkd("policy: off\n")).settings().sshQkd());
        assertEquals(Optional.empty(), load(yaml("Almagro", ID.toString(), "")).settings().sshQkd());
    }

    @Test
    void hybridKeyExchangeErrorsNameTheKey() throws IOException {
        CertificateAuthority.load(dir.resolve("pki")).issueSae(dir.resolve("pki"), "sae-almagro-nc",
            Duration.ofDays(1));
        final String sae = "kme: {local-sae-id: sae-almagro-nc}\n";
        assertError("netconf.ssh-qkd.policy: unknown key exchange policy 'sometimes'",
            withSshQkd("policy: sometimes\n" + sae));
        assertError("netconf.ssh-qkd.fallback-on-kme-failure: fallback to classical key exchange only applies to "
            + "the preferred policy", withSshQkd("policy: required\nfallback-on-kme-failure: true\n" + sae));
        assertError("netconf.ssh-qkd.method: unknown hybrid key exchange method 'dh-qkd'",
            withSshQkd("method: [dh-qkd]\n" + sae));
        assertError("netconf.ssh-qkd.kme.local-sae-id: missing", withSshQkd("policy: preferred\n"));
        assertError("netconf.ssh-qkd.kme: ", withSshQkd("kme: {local-sae-id: sae-nobody}\n"));
        assertError("netconf.ssh-qkd.kme.url: expected an https URL", withSshQkd(
            "kme: {local-sae-id: sae-almagro-nc, url: 'http://127.0.0.1:9444'}\n"));
        assertError("netconf.ssh-qkd.kme.timeout: 50 is out of range 100..60000", withSshQkd(
            "kme: {local-sae-id: sae-almagro-nc, timeout: 50}\n"));
        assertError("netconf.ssh-qkd.rekey.max-bytes: expected an integer of at least 1024", withSshQkd(
            sae + "rekey: {max-bytes: 10}\n"));
        assertError("netconf.ssh-qkd.polcy: unknown key", withSshQkd("polcy: required\n" + sae));
    }

    @Test
    void readsTheRestconfSection() throws Exception {
        assertEquals(Optional.empty(), load(yaml("Almagro", ID.toString(), "")).settings().restconf());
        final NodeRestconf restconf = load(yaml("Almagro", ID.toString(), "restconf:\n"
            + "  listen: {address: 127.0.0.3, port: 8081}\n  plain-http: true\n  tfs-compatible: true\n"))
            .settings().restconf().orElseThrow();
        assertEquals(NodeRestconf.plainHttp("127.0.0.3", 8081, false, true), restconf);
        final NodeConfig defaults = load(yaml("Almagro", ID.toString(), "restconf: {}\n"));
        assertEquals(new NodeRestconf("127.0.0.1", NodeRestconf.DEFAULT_PORT, false, false, Optional.empty(),
            Map.of(), false, false), defaults.settings().restconf().orElseThrow(),
            "HTTPS with the node's identity and the agent's users by default");
        assertEquals(NodeRestconf.plainHttp("127.0.0.1", NodeRestconf.DEFAULT_PLAIN_PORT, true, false),
            load(yaml("Almagro", ID.toString(), "restconf: {plain-http: true, unauthenticated: true}\n"))
                .settings().restconf().orElseThrow());
        assertEquals(0, defaults.withRestconfPort(0).settings().restconf().orElseThrow().port());
        assertEquals(defaults.settings().restconf(), defaults.withPorts(0, 0).settings().restconf(),
            "the NETCONF and KME overrides keep the RESTCONF section");
        final NodeRestconf own = load(yaml("Almagro", ID.toString(), "restconf:\n"
            + "  tls: {certificate: pki/Almagro.crt, key: pki/Almagro.key, ca: pki/ca.crt}\n"
            + "  client-certificates: {orchestrator-1: admin, 'urn:example:tfs': admin}\n"))
            .settings().restconf().orElseThrow();
        assertEquals(Map.of("orchestrator-1", "admin", "urn:example:tfs", "admin"), own.clientCertificates());
        assertEquals("Almagro", TlsIdentity.commonName(own.tls().orElseThrow().certificate()).orElseThrow());
        final NodeRestconf beyond = load(yaml("Almagro", ID.toString(),
            "restconf: {plain-http: true, plain-http-beyond-loopback: true, listen: {address: 0.0.0.0}}\n"))
            .settings().restconf().orElseThrow();
        assertTrue(beyond.plainHttpBeyondLoopback() && !beyond.unauthenticated());
    }

    @Test
    void restconfErrorsNameTheKey() throws IOException, GeneralSecurityException {
        assertError("restconf.plain-http-beyond-loopback: only with plain-http: true",
            yaml("Almagro", ID.toString(), "restconf: {plain-http-beyond-loopback: true}\n"));
        assertError("restconf.tfs-compatible: expected true or false, found a string",
            yaml("Almagro", ID.toString(), "restconf: {plain-http: true, tfs-compatible: 'yes please'}\n"));
        assertError("restconf.listen.port: 65536 is out of range 0..65535",
            yaml("Almagro", ID.toString(), "restconf: {plain-http: true, listen: {port: 65536}}\n"));
        assertError("restconf.listen.adress: unknown key",
            yaml("Almagro", ID.toString(), "restconf: {plain-http: true, listen: {adress: x}}\n"));
        assertError("restconf.https: unknown key; expected one of listen, tls, client-certificates, plain-http, "
            + "plain-http-beyond-loopback, unauthenticated, tfs-compatible",
            yaml("Almagro", ID.toString(), "restconf: {plain-http: true, https: true}\n"));
        assertError("restconf: expected a mapping", yaml("Almagro", ID.toString(), "restconf: 8080\n"));
        assertError("restconf.tls: a TLS identity and plain-http: true", yaml("Almagro", ID.toString(),
            "restconf: {plain-http: true, tls: {certificate: pki/Almagro.crt, key: pki/Almagro.key, ca: pki/ca.crt}}"
                + "\n"));
        assertError("restconf.tls.key: missing", yaml("Almagro", ID.toString(),
            "restconf: {tls: {certificate: pki/Almagro.crt, ca: pki/ca.crt}}\n"));
        assertError("restconf.client-certificates.orchestrator: no netconf user root; expected one of admin",
            yaml("Almagro", ID.toString(), "restconf: {client-certificates: {orchestrator: root}}\n"));
        assertError("restconf.client-certificates: client certificates need HTTPS", yaml("Almagro", ID.toString(),
            "restconf: {plain-http: true, client-certificates: {orchestrator: admin}}\n"));
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        final String sshKey = PublicKeyEntry.toString(generator.generateKeyPair().getPublic());
        assertError("restconf: no way to log in", yaml("Almagro", ID.toString(), "restconf: {}\n")
            .replace("      password-hash: " + hash + "\n", "      authorized-keys: ['" + sshKey + "']\n"));
    }

    private String withSshQkd(final String section) {
        final String indented = section.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
        return yaml("Almagro", ID.toString(), "").replace("password-hash: " + hash + "\n",
            "password-hash: " + hash + "\n  ssh-qkd:\n" + indented);
    }

    private void assertError(final String expected, final String text) throws IOException {
        final Path file = dir.resolve("node.yaml");
        Files.writeString(file, text, UTF_8);
        final ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains(hash), "the hash is not echoed");
    }

    private NodeConfig load(final String text) throws Exception {
        final Path file = dir.resolve("node.yaml");
        Files.writeString(file, text, UTF_8);
        return NodeConfig.load(file);
    }

    private String yaml(final String name, final String id, final String kme) {
        return """
            node:
              name: %s
              id: %s
              kme-id: KME_Almagro
            pki:
              ca: pki/ca.crt
              certificate: pki/%s.crt
              key: pki/%s.key
            netconf:
              listen: {port: 8301}
              host-key: data/ssh_host_key
              datastore: data/datastore
              users:
                - name: admin
                  password-hash: %s
            %sinitial-config: almagro.json
            """.formatted(name, id, name, name, hash, kme);
    }
}
