package org.sdqkd.controller.mount;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.tls.api.TlsIdentity;

/** Our QKD node, in this JVM on loopback (every port 0), with one application configured at its first start. */
final class AgentNode implements AutoCloseable {
    static final UUID NODE = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    static final UUID APP = UUID.fromString("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final String PASSWORD = "secret-pass";

    private final QkdNode node;

    private AgentNode(final QkdNode node) {
        this.node = node;
    }

    static AgentNode start(final Path dir) throws Exception {
        final Path pki = dir.resolve("pki");
        final CertificateAuthority ca = CertificateAuthority.create(pki, "test CA", Duration.ofDays(1));
        ca.issueNode(pki, "Almagro", NODE, Set.of("127.0.0.1"), Duration.ofDays(1));
        final TlsIdentity tls = TlsIdentity.load(pki.resolve("Almagro.crt"), pki.resolve("Almagro.key"),
            pki.resolve(CertificateAuthority.CA_CERT));
        final Path initial = dir.resolve("initial.json");
        Files.writeString(initial, """
            {"etsi-qkd-sdn-node:qkd_node": {
              "qkdn_id": "%s",
              "qkd_interfaces": {"qkd_interface": [{"qkdi_id": 1, "qkdi_att_point": {"device": "emulator",
                "port": 1}}]},
              "qkd_applications": {"qkd_app": [{"app_id": "%s", "app_priority": 1,
                "server_app_id": "sae-almagro-1", "client_app_id": ["sae-norte-1"]}]}
            }}""".formatted(NODE, APP), UTF_8);
        final SshServerConfig ssh = SshServerConfig.of(dir.resolve("ssh_host_key"), List.of(SshUser.withPassword(
            "admin", PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS)))).withPort(0);
        final NodeSettings settings = new NodeSettings("Almagro", NODE, "kme-almagro", tls,
            AgentSettings.of(ssh, dir.resolve("datastore")), "127.0.0.1", 0, Optional.of(initial), dir);
        return new AgentNode(QkdNode.start(settings));
    }

    NetconfSession connect(final NetconfClient client) throws Exception {
        return client.connect(ConnectOptions.builder("127.0.0.1", node.netconfPort(), "admin")
            .password(PASSWORD.toCharArray()).hostKeys(HostKeyVerification.acceptAny()).build()).get();
    }

    @Override
    public void close() {
        node.close();
    }
}
