package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.qkd.node.api.NodeRestconf;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.qkd.node.api.NodeSshQkd;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.ssh.qkd.api.KexPolicy;

/**
 * The configuration of {@code sdqkd node}, read from a YAML file:
 *
 * <pre>
 * node: {name: NAME, id: UUID, kme-id: KME_ID}      # kme-id defaults to the name
 * pki: {ca: PATH, certificate: PATH, key: PATH}      # from sdqkd pki
 * netconf: {...}                                    # the keys of sdqkd agent's file (AgentConfig); its
 *                                                   # ssh-qkd section takes keys from this node's KME
 * kme: {listen: {address: 127.0.0.1, port: 9443}}
 * initial-config: PATH                              # an ETSI GS QKD 015 qkd_node document, .json or .xml
 * restconf:                                         # optional: the node's datastores over RESTCONF
 *   listen: {address: 127.0.0.1, port: 8443}        # port 8080 by default with plain-http
 *   tls: {certificate: PATH, key: PATH, ca: PATH}   # HTTPS identity; default: the node's pki
 *   client-certificates: {NAME: USER}               # certificate CN or SAN -> a netconf user (HTTPS only)
 *   plain-http: false                               # true: plain HTTP, on loopback
 *   plain-http-beyond-loopback: false               # true: plain HTTP on any address
 *   unauthenticated: false                          # true: no login (loopback only); else Basic against the
 *                                                   # netconf users' password-hash, and client-certificates
 *   tfs-compatible: false                           # TeraFlowSDN's QKD driver's habits
 * </pre>
 *
 * <p>Relative paths are relative to the directory of the file. Errors name the file and the key.
 *
 * @param settings the node's settings, with absolute paths
 */
public record NodeConfig(NodeSettings settings) {
    /** The default KME port (IANA has none; the demo uses 9443 + node index). */
    public static final int DEFAULT_KME_PORT = 9443;

    private static final Set<String> TOP_KEYS = keys("node", "pki", "netconf", "kme", "initial-config",
        "restconf");
    private static final Set<String> NODE_KEYS = keys("name", "id", "kme-id");
    private static final Set<String> PKI_KEYS = keys("ca", "certificate", "key");
    private static final Set<String> KME_KEYS = keys("listen");
    private static final Set<String> LISTEN_KEYS = keys("address", "port");
    private static final Set<String> RESTCONF_KEYS = keys("listen", "tls", "client-certificates", "plain-http",
        "plain-http-beyond-loopback", "unauthenticated", "tfs-compatible");

    /**
     * Reads a node configuration file, and the certificate files it names.
     *
     * @param file the YAML file
     * @return the configuration
     * @throws ConfigException when a file cannot be read or holds an error; the message names the file and key
     */
    public static NodeConfig load(final Path file) throws ConfigException {
        final Path absolute = file.toAbsolutePath().normalize();
        final YamlSection yaml = new YamlSection(file.toString(), absolute.getParent(), "");
        final JsonNode root = YamlSection.read(absolute);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(file + ": empty configuration; node, pki and netconf are needed");
        }
        yaml.mapping(root, "", TOP_KEYS);
        final JsonNode node = yaml.required(root, "node", "node");
        yaml.mapping(node, "node", NODE_KEYS);
        final String name = yaml.text(yaml.required(node, "node.name", "name"), "node.name");
        final UUID id = uuid(yaml, yaml.text(yaml.required(node, "node.id", "id"), "node.id"), "node.id");
        final String kmeId = yaml.optionalText(node, "node.kme-id", "kme-id").orElse(name);
        if (name.isBlank() || kmeId.isBlank()) {
            throw yaml.error("node", "blank name or kme-id");
        }
        final JsonNode pki = yaml.required(root, "pki", "pki");
        yaml.mapping(pki, "pki", PKI_KEYS);
        final Path ca = yaml.path(yaml.required(pki, "pki.ca", "ca"), "pki.ca");
        final Path cert = yaml.path(yaml.required(pki, "pki.certificate", "certificate"), "pki.certificate");
        final Path key = yaml.path(yaml.required(pki, "pki.key", "key"), "pki.key");
        final TlsIdentity tls;
        try {
            tls = TlsIdentity.load(cert, key, ca);
        } catch (IOException e) {
            throw yaml.error("pki", e.getMessage() + " (make the files with 'sdqkd pki')");
        }
        final YamlSection netconfSection = yaml.section("netconf");
        final AgentConfig netconf = AgentConfig.parse(netconfSection, yaml.required(root, "netconf", "netconf"));
        final Optional<NodeSshQkd> sshQkd = sshQkd(netconfSection, netconf, ca);
        String kmeAddress = "127.0.0.1";
        int kmePort = DEFAULT_KME_PORT;
        final JsonNode kme = YamlSection.optional(root, "kme");
        if (kme != null) {
            yaml.mapping(kme, "kme", KME_KEYS);
            final JsonNode listen = YamlSection.optional(kme, "listen");
            if (listen != null) {
                yaml.mapping(listen, "kme.listen", LISTEN_KEYS);
                kmeAddress = yaml.optionalText(listen, "kme.listen.address", "address").orElse(kmeAddress);
                kmePort = yaml.integer(listen, "kme.listen.port", "port", 0, 0xFFFF, kmePort);
            }
        }
        Optional<Path> initial = Optional.empty();
        final JsonNode initialNode = YamlSection.optional(root, "initial-config");
        if (initialNode != null) {
            final Path initialFile = yaml.path(initialNode, "initial-config");
            if (!Files.isRegularFile(initialFile)) {
                throw yaml.error("initial-config", initialFile + ": no such file");
            }
            initial = Optional.of(initialFile);
        }
        final Optional<NodeRestconf> restconf = restconf(yaml, YamlSection.optional(root, "restconf"),
            netconf.settings().ssh().users());
        try {
            return new NodeConfig(new NodeSettings(name, id, kmeId, tls, netconf.settings(), kmeAddress, kmePort,
                initial, absolute.getParent(), sshQkd, restconf));
        } catch (IllegalArgumentException e) {
            throw yaml.error("pki.certificate", e.getMessage());
        }
    }

    /** This configuration with the NETCONF and KME ports replaced (0: any free port). */
    public NodeConfig withPorts(final int netconfPort, final int kmePort) {
        final NodeSettings s = settings;
        return new NodeConfig(new NodeSettings(s.name(), s.nodeId(), s.kmeId(), s.tls(),
            s.netconf().withSsh(s.netconf().ssh().withPort(netconfPort)), s.kmeAddress(), kmePort,
            s.initialConfig(), s.baseDirectory(), s.sshQkd(), s.restconf()));
    }

    /** This configuration with the RESTCONF port replaced (0: any free port); unchanged when it has none. */
    public NodeConfig withRestconfPort(final int port) {
        final NodeSettings s = settings;
        return new NodeConfig(new NodeSettings(s.name(), s.nodeId(), s.kmeId(), s.tls(), s.netconf(),
            s.kmeAddress(), s.kmePort(), s.initialConfig(), s.baseDirectory(), s.sshQkd(),
            s.restconf().map(r -> r.withPort(port))));
    }

    /**
     * The {@code restconf:} section: listen address and port, the transport (HTTPS with the node's or its own TLS
     * identity, or plain HTTP), the logins (the agent's users' passwords, client certificates mapped to them, or
     * explicitly none), tfs-compatible.
     */
    private static Optional<NodeRestconf> restconf(final YamlSection yaml, final JsonNode section,
            final List<SshUser> users) throws ConfigException {
        if (section == null) {
            return Optional.empty();
        }
        yaml.mapping(section, "restconf", RESTCONF_KEYS);
        final boolean plainHttp = yaml.bool(section, "restconf.plain-http", "plain-http", false);
        final boolean beyondLoopback = yaml.bool(section, "restconf.plain-http-beyond-loopback",
            "plain-http-beyond-loopback", false);
        if (beyondLoopback && !plainHttp) {
            throw yaml.error("restconf.plain-http-beyond-loopback", "only with plain-http: true");
        }
        String address = "127.0.0.1";
        int port = plainHttp ? NodeRestconf.DEFAULT_PLAIN_PORT : NodeRestconf.DEFAULT_PORT;
        final JsonNode listen = YamlSection.optional(section, "listen");
        if (listen != null) {
            yaml.mapping(listen, "restconf.listen", LISTEN_KEYS);
            address = yaml.optionalText(listen, "restconf.listen.address", "address").orElse(address);
            if (address.isBlank()) {
                throw yaml.error("restconf.listen.address", "blank address");
            }
            port = yaml.integer(listen, "restconf.listen.port", "port", 0, 0xFFFF, port);
        }
        final Optional<TlsIdentity> tls = restconfTls(yaml, YamlSection.optional(section, "tls"), plainHttp);
        final boolean unauthenticated = yaml.bool(section, "restconf.unauthenticated", "unauthenticated", false);
        final Map<String, String> certificates = clientCertificates(yaml,
            YamlSection.optional(section, "client-certificates"), plainHttp, unauthenticated, users);
        if (!unauthenticated && certificates.isEmpty() && users.stream().noneMatch(u -> u.password().isPresent())) {
            throw yaml.error("restconf", "no way to log in: give a netconf user a password-hash, map "
                + "client-certificates to users, or say unauthenticated: true (loopback only)");
        }
        final boolean tfs = yaml.bool(section, "restconf.tfs-compatible", "tfs-compatible", false);
        try {
            return Optional.of(new NodeRestconf(address, port, plainHttp, beyondLoopback, tls, certificates,
                unauthenticated, tfs));
        } catch (IllegalArgumentException e) {
            throw yaml.error("restconf", e.getMessage());
        }
    }

    /** {@code restconf.tls}: the HTTPS identity, when it is not the node's own. */
    private static Optional<TlsIdentity> restconfTls(final YamlSection yaml, final JsonNode tls,
            final boolean plainHttp) throws ConfigException {
        if (tls == null) {
            return Optional.empty();
        }
        if (plainHttp) {
            throw yaml.error("restconf.tls", "a TLS identity and plain-http: true; leave one out");
        }
        yaml.mapping(tls, "restconf.tls", PKI_KEYS);
        final Path cert = yaml.path(yaml.required(tls, "restconf.tls.certificate", "certificate"),
            "restconf.tls.certificate");
        final Path key = yaml.path(yaml.required(tls, "restconf.tls.key", "key"), "restconf.tls.key");
        final Path ca = yaml.path(yaml.required(tls, "restconf.tls.ca", "ca"), "restconf.tls.ca");
        try {
            return Optional.of(TlsIdentity.load(cert, key, ca));
        } catch (IOException e) {
            throw yaml.error("restconf.tls", e.getMessage());
        }
    }

    /** {@code restconf.client-certificates}: certificate names to the netconf section's user names. */
    private static Map<String, String> clientCertificates(final YamlSection yaml, final JsonNode table,
            final boolean plainHttp, final boolean unauthenticated, final List<SshUser> users)
            throws ConfigException {
        if (table == null) {
            return Map.of();
        }
        final String key = "restconf.client-certificates";
        if (plainHttp || unauthenticated) {
            throw yaml.error(key, "client certificates need HTTPS with logins (no plain-http, no unauthenticated)");
        }
        if (!table.isObject() || table.isEmpty()) {
            throw yaml.error(key, "expected a mapping of certificate names to users, found " + YamlSection.kind(table));
        }
        final Set<String> known = new LinkedHashSet<>();
        users.forEach(user -> known.add(user.name()));
        final Map<String, String> result = new LinkedHashMap<>();
        for (var entry : table.properties()) {
            final String user = yaml.text(entry.getValue(), key + "." + entry.getKey());
            if (!known.contains(user)) {
                throw yaml.error(key + "." + entry.getKey(), "no netconf user " + user + "; expected one of "
                    + String.join(", ", known));
            }
            result.put(entry.getKey(), user);
        }
        return result;
    }

    /**
     * The node's hybrid key exchange: by default through its own KME, as the SAE {@code kme.local-sae-id} with the
     * certificate {@code LOCAL-SAE-ID.crt} and key beside the node's CA file (where {@code sdqkd pki sae} puts them).
     */
    private static Optional<NodeSshQkd> sshQkd(final YamlSection netconf, final AgentConfig agent, final Path ca)
            throws ConfigException {
        final Optional<SshQkdConfig> section = agent.sshQkd().filter(q -> q.settings().policy() != KexPolicy.OFF);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        final SshQkdConfig qkd = section.get();
        if (qkd.localSaeId().isEmpty() && qkd.certificate().isEmpty()) {
            throw netconf.error("ssh-qkd.kme.local-sae-id", "missing: the SAE the NETCONF server takes QKD keys as");
        }
        final Optional<Path> defaultCertificate = qkd.localSaeId().map(sae -> ca.resolveSibling(sae + ".crt"));
        final TlsIdentity identity = qkd.identity(netconf, "ssh-qkd", defaultCertificate, Optional.of(ca));
        final String sae = qkd.localSaeId().or(() -> TlsIdentity.commonName(identity.certificate()))
            .orElseThrow(() -> netconf.error("ssh-qkd.kme.certificate", "the certificate has no CN"));
        return Optional.of(new NodeSshQkd(qkd.settings(), qkd.kmeUrl(), sae, qkd.timeout(), identity));
    }

    private static UUID uuid(final YamlSection yaml, final String text, final String key) throws ConfigException {
        try {
            final UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw yaml.error(key, "not a UUID (8-4-4-4-12 hexadecimal digits): " + text);
        }
    }

    private static Set<String> keys(final String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
