package org.sdqkd.controller.impl.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.Policy;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.sdqkd.controller.api.ControllerConfigException;

class ControllerConfigReaderTest {
    private static final String NODE = "c127b8fa-208c-451e-9f8c-3fd1e5108200";
    private static final String BASE = """
        datastore: data
        restconf:
          listen: {address: 127.0.0.1, port: 0}
          plain-http: true
          unauthenticated: true
        ssh:
          password-file: password
        """;

    @TempDir
    Path dir;

    @BeforeEach
    void password() throws IOException {
        Files.writeString(dir.resolve("password"), "secret-pass\n", UTF_8);
    }

    @Test
    void readsTheNetworkSectionIntoTheGeneratedBindings() throws Exception {
        final ControllerConfig config = load(BASE + """
            ssh:
              password-file: password
              connect-timeout: 5000
              reconnect: {initial: 100, max: 800}
            network:
              node:
                - node-id: %s
                  name: Norte
                  netconf: {host: 127.0.0.1, port: 8302, username: admin, sae-id: sae-norte-nc, key-exchange: 'off'}
                  kme: {kme-id: KME_Norte, url: 'https://127.0.0.1:9445'}
            """.formatted(NODE), true);
        assertEquals(dir.resolve("data"), config.datastore());
        assertTrue(config.restconf().unauthenticated());
        assertEquals(Duration.ofMillis(5000), config.connections().connectTimeout());
        assertEquals(Duration.ofMillis(800), config.connections().reconnect().max());
        assertEquals("NodeLogin[password]", config.connections().login().toString());
        assertEquals("secret-pass", new String(config.connections().login().password().orElseThrow()));
        final Node norte = config.network().orElseThrow().nonnullNode().get(new NodeKey(new NodeId(NODE)));
        assertEquals("Norte", norte.getName());
        assertEquals(8302, norte.getNetconf().getPort().getValue().intValue());
        assertEquals(Policy.Off, norte.getNetconf().getKeyExchange());
        assertEquals("sae-norte-nc", norte.getNetconf().getSaeId().getValue());
    }

    @Test
    void namesAnUnknownKey() {
        assertError(BASE + "colour: blue\n", ": colour: unknown key; expected one of datastore, restconf, kme, ssh, "
            + "network");
        assertError(BASE.replace("plain-http: true", "plain-http: true\n  tls-version: 3"),
            ": restconf.tls-version: unknown key");
    }

    @Test
    void namesAMissingOrWrongValue() {
        assertError(BASE.replace("datastore: data\n", ""), ": datastore: missing");
        assertError(BASE.replace("ssh:\n  password-file: password\n", ""), ": ssh: missing");
        assertError(BASE.replace("  password-file: password", "  password-file: nowhere"),
            ": ssh.password-file: " + dir.resolve("nowhere") + ": no such file");
        assertError(BASE.replace("port: 0", "port: 70000"), ": restconf.listen.port: 70000 is out of range 0..65535");
        assertError(BASE.replace("port: 0", "port: eighty"), ": restconf.listen.port: expected an integer, found a "
            + "string");
        assertError(BASE.replace("  plain-http: true\n", ""), ": restconf.tls: missing: RESTCONF is served over HTTPS");
        assertError(BASE.replace("  unauthenticated: true\n", ""), ": restconf.users: missing: no one could log in");
        assertError(BASE + "kme: {url: 'http://127.0.0.1:9444', sae-id: sae-1}\n",
            ": kme.url: expected an https URL");
    }

    @Test
    void namesTheNodeOfABadNetworkValue() {
        assertError(BASE + """
            network:
              node:
                - node-id: %s
                  name: Norte
                  netconf: {host: 127.0.0.1, port: 0, username: admin}
                  kme: {kme-id: KME_Norte, url: 'https://127.0.0.1:9445'}
            """.formatted(NODE), ": network: /sdqkd-network:network/node[node-id='" + NODE + "']/netconf/port: ");
        assertError(BASE + "network:\n  nodes: []\n", ": network: ");
    }

    @Test
    void reportsAYamlSyntaxErrorByLineWithoutTheText() {
        final ControllerConfigException e = assertThrows(ControllerConfigException.class,
            () -> load(BASE + "restconf: [unclosed\n", false));
        assertTrue(e.getMessage().contains(": line "), e.getMessage());
        assertFalse(e.getMessage().contains("unclosed"), e.getMessage());
        assertError(BASE + "datastore: other\n", "not valid YAML");
    }

    private ControllerConfig load(final String yaml, final boolean replaceSsh) throws Exception {
        final String text = replaceSsh ? yaml.replaceFirst("ssh:\n  password-file: password\n", "") : yaml;
        final Path file = dir.resolve("controller.yaml");
        Files.writeString(file, text, UTF_8);
        return ControllerConfigReader.load(file);
    }

    private void assertError(final String yaml, final String expected) {
        final ControllerConfigException e = assertThrows(ControllerConfigException.class, () -> load(yaml, false));
        assertTrue(e.getMessage().startsWith(dir.resolve("controller.yaml").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " should contain " + expected);
        assertFalse(e.getMessage().contains("secret-pass"), e.getMessage());
    }
}
