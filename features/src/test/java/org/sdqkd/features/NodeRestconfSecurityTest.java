package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.restconf.gateway.RestconfGateway;

/**
 * A node whose {@code restconf:} section asks for nothing but a port serves HTTPS with the node's own TLS identity
 * (the KME's certificate), logs in the node agent's users with HTTP Basic against their PBKDF2 hashes and client
 * certificates mapped to those users, and refuses everyone else with 401; an own TLS identity in the section replaces
 * the node's.
 */
@Timeout(120)
class NodeRestconfSecurityTest {
    private static final UUID NODE = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    private static final Path INTEROP = Path.of("src/test/resources/interop");
    private static final String PASSWORD = "secret-pass";

    @TempDir
    Path dir;

    @Test
    void httpsWithTheNodesIdentityBasicAndClientCertificates() throws Exception {
        final CertificateAuthority ca = pki();
        ca.issueSae(dir.resolve("pki"), "orchestrator-1", Duration.ofDays(1));
        ca.issueSae(dir.resolve("pki"), "stranger", Duration.ofDays(1));
        final NodeSettings settings = settings("  client-certificates: {orchestrator-1: admin}\n");
        final TlsIdentity nodeIdentity = settings.tls();
        try (QkdNode node = QkdNode.start(settings);
                RestconfGateway gateway = NodeCommand.startRestconf(node, settings).orElseThrow();
                HttpClient anonymous = client(trustOnly(nodeIdentity));
                HttpClient orchestrator = client(sae("orchestrator-1").sslContext());
                HttpClient stranger = client(sae("stranger").sslContext())) {
            final URI nodeUri = URI.create(gateway.restconfRoot() + "/data/etsi-qkd-sdn-node:qkd_node");
            assertEquals("https", nodeUri.getScheme());
            final HttpResponse<String> basic = anonymous.send(get(nodeUri).header("Authorization", basic("admin",
                PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, basic.statusCode(), basic.body());
            assertTrue(basic.body().contains(NODE.toString()), basic.body());
            assertEquals(HttpClient.Version.HTTP_2, basic.version(), "HTTP/2 by ALPN");
            assertEquals(nodeIdentity.certificate(), basic.sslSession().orElseThrow().getPeerCertificates()[0],
                "the node's own certificate (the KME's)");

            final HttpResponse<String> none = anonymous.send(get(nodeUri).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(401, none.statusCode());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
            final HttpResponse<String> wrong = anonymous.send(get(nodeUri).header("Authorization", basic("admin",
                "not-" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode());

            final HttpResponse<String> mapped = orchestrator.send(get(nodeUri).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, mapped.statusCode(), "a client certificate mapped to admin logs in");
            final HttpResponse<String> unmapped = stranger.send(get(nodeUri).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(401, unmapped.statusCode(), "a certificate of the CA that no user is mapped to");
        }
    }

    @Test
    void anOwnTlsIdentityReplacesTheNodes() throws Exception {
        final CertificateAuthority ca = pki();
        ca.issueNode(dir.resolve("rc"), "Almagro-restconf", UUID.randomUUID(), Set.of("127.0.0.1"),
            Duration.ofDays(1));
        Files.copy(dir.resolve("pki/ca.crt"), dir.resolve("rc/ca.crt"));
        final NodeSettings settings = settings(
            "  tls: {certificate: rc/Almagro-restconf.crt, key: rc/Almagro-restconf.key, ca: rc/ca.crt}\n");
        try (QkdNode node = QkdNode.start(settings);
                RestconfGateway gateway = NodeCommand.startRestconf(node, settings).orElseThrow();
                HttpClient http = client(trustOnly(settings.tls()))) {
            final HttpResponse<String> answer = http.send(get(URI.create(gateway.restconfRoot() + "/data"))
                .header("Authorization", basic("admin", PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("Almagro-restconf", TlsIdentity.commonName((java.security.cert.X509Certificate) answer
                .sslSession().orElseThrow().getPeerCertificates()[0]).orElseThrow());
        }
    }

    private CertificateAuthority pki() throws IOException {
        final Path pki = dir.resolve("pki");
        final CertificateAuthority ca = CertificateAuthority.create(pki, "test CA", Duration.ofDays(1));
        ca.issueNode(pki, "Almagro", NODE, Set.of("127.0.0.1"), Duration.ofDays(1));
        return ca;
    }

    private TlsIdentity sae(final String name) throws IOException {
        final Path pki = dir.resolve("pki");
        return TlsIdentity.load(pki.resolve(name + ".crt"), pki.resolve(name + ".key"), pki.resolve("ca.crt"));
    }

    private static SSLContext trustOnly(final TlsIdentity identity) throws GeneralSecurityException {
        final TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(identity.trustStore());
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }

    private static HttpClient client(final SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest.Builder get(final URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept",
            "application/yang-data+json");
    }

    private static String basic(final String user, final String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }

    /** A node's settings as {@code sdqkd node} reads them, every port 0, with HTTPS RESTCONF and more lines. */
    private NodeSettings settings(final String restconfLines) throws Exception {
        Files.copy(INTEROP.resolve("node-initial.json"), dir.resolve("initial.json"));
        final String hash = PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();
        final Path file = dir.resolve("node.yaml");
        Files.writeString(file, """
            node: {name: Almagro, id: %s}
            pki: {ca: pki/ca.crt, certificate: pki/Almagro.crt, key: pki/Almagro.key}
            netconf:
              listen: {address: 127.0.0.1, port: 0}
              host-key: data/ssh_host_key
              datastore: data/datastore
              users:
                - name: admin
                  password-hash: %s
            kme:
              listen: {address: 127.0.0.1, port: 0}
            initial-config: initial.json
            restconf:
              listen: {address: 127.0.0.1, port: 0}
            %s""".formatted(NODE, hash, restconfLines), UTF_8);
        return NodeConfig.load(file).settings();
    }
}
