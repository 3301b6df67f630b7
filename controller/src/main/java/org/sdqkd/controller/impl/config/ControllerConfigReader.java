package org.sdqkd.controller.impl.config;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.controller.api.ControllerConfigException;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.client.api.ReconnectOptions;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * Reads the controller's YAML file ({@code sdqkd controller --config FILE}; the commented example is
 * {@code features/src/main/config/controller/controller.yaml}) with SnakeYAML into a {@link ControllerConfig}. Unknown
 * keys are errors; every error names the file and the key. The {@code network:} section is the
 * {@code sdqkd-network:network} container written in YAML: it is read by the models' RFC 7951 codec, so its keys are
 * the model's and its values are checked against their types, then decoded into the generated bindings.
 */
public final class ControllerConfigReader {
    private static final Set<String> TOP = keys("datastore", "restconf", "kme", "ssh", "network");
    private static final Set<String> RESTCONF = keys("listen", "plain-http", "tls", "users", "client-certificates",
        "unauthenticated");
    private static final Set<String> LISTEN = keys("address", "port");
    private static final Set<String> TLS = keys("certificate", "key", "ca");
    private static final Set<String> USER = keys("name", "password-hash");
    private static final Set<String> KME = keys("url", "sae-id", "certificate", "key", "ca", "timeout");
    private static final Set<String> SSH = keys("password-file", "key", "known-hosts", "connect-timeout", "reconnect");
    private static final Set<String> RECONNECT = keys("initial", "max");

    private ControllerConfigReader() {
        // static only
    }

    /**
     * Reads a configuration file and the files it names.
     *
     * @param file the YAML file
     * @return the configuration, with absolute paths
     * @throws ControllerConfigException when a file cannot be read or holds an error
     */
    public static ControllerConfig load(final Path file) throws ControllerConfigException {
        final Path absolute = file.toAbsolutePath().normalize();
        final YamlKeys yaml = new YamlKeys(file.toString(), absolute.getParent());
        final Object tree = YamlKeys.read(absolute);
        if (tree == null) {
            throw new ControllerConfigException(file + ": empty configuration; datastore, restconf and ssh are needed");
        }
        final Map<?, ?> root = yaml.mapping(tree, "", TOP);
        final Path datastore = yaml.path(yaml.required(root, "datastore", "datastore"), "datastore");
        final RestconfSettings restconf = restconf(yaml, yaml.required(root, "restconf", "restconf"));
        final Optional<LocalKme> kme = root.get("kme") == null ? Optional.empty()
            : Optional.of(kme(yaml, root.get("kme")));
        final ConnectionSettings connections = connections(yaml, yaml.required(root, "ssh", "ssh"), kme);
        final Optional<Network> network = root.get("network") == null ? Optional.empty()
            : Optional.of(network(yaml, root.get("network")));
        return new ControllerConfig(datastore, restconf, connections, network);
    }

    private static RestconfSettings restconf(final YamlKeys yaml, final Object value)
            throws ControllerConfigException {
        final Map<?, ?> section = yaml.mapping(value, "restconf", RESTCONF);
        String address = "127.0.0.1";
        int port = RestconfSettings.DEFAULT_PORT;
        if (section.get("listen") != null) {
            final Map<?, ?> listen = yaml.mapping(section.get("listen"), "restconf.listen", LISTEN);
            address = yaml.optionalText(listen, "restconf.listen.address", "address").orElse(address);
            port = yaml.integer(listen, "restconf.listen.port", "port", 0, 65_535, port);
        }
        final boolean plain = yaml.bool(section, "restconf.plain-http", "plain-http", false);
        Optional<TlsIdentity> tls = Optional.empty();
        if (section.get("tls") != null) {
            if (plain) {
                throw yaml.error("restconf.tls", "both tls and plain-http: true are set; choose one");
            }
            final Map<?, ?> files = yaml.mapping(section.get("tls"), "restconf.tls", TLS);
            tls = Optional.of(identity(yaml, "restconf.tls", files, Optional.empty()));
        } else if (!plain) {
            throw yaml.error("restconf.tls", "missing: RESTCONF is served over HTTPS; give the server's certificate, "
                + "key and CA, or say plain-http: true (loopback only)");
        }
        final Map<String, PasswordHash> users = new HashMap<>();
        if (section.get("users") != null) {
            final List<?> list = yaml.list(section.get("users"), "restconf.users");
            for (int i = 0; i < list.size(); i++) {
                final String at = "restconf.users[" + i + "]";
                final Map<?, ?> user = yaml.mapping(list.get(i), at, USER);
                final String name = yaml.text(yaml.required(user, at + ".name", "name"), at + ".name");
                final String hash = yaml.text(yaml.required(user, at + ".password-hash", "password-hash"),
                    at + ".password-hash");
                try {
                    if (users.put(name, PasswordHash.parse(hash)) != null) {
                        throw yaml.error(at + ".name", "user " + name + " is listed twice");
                    }
                } catch (IllegalArgumentException e) {
                    // the message of PasswordHash names the problem, never the hash
                    throw yaml.error(at + ".password-hash", "not a password hash made by 'sdqkd hash-password': "
                        + e.getMessage());
                }
            }
        }
        final Map<String, String> certificates = new HashMap<>();
        if (section.get("client-certificates") != null) {
            if (!(section.get("client-certificates") instanceof Map<?, ?> map)) {
                throw yaml.error("restconf.client-certificates", "expected a mapping of certificate name to user, "
                    + "found " + YamlKeys.kind(section.get("client-certificates")));
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                final String at = "restconf.client-certificates." + entry.getKey();
                certificates.put(yaml.text(entry.getKey(), at), yaml.text(entry.getValue(), at));
            }
        }
        final boolean unauthenticated = yaml.bool(section, "restconf.unauthenticated", "unauthenticated", false);
        if (unauthenticated && !(users.isEmpty() && certificates.isEmpty())) {
            throw yaml.error("restconf.unauthenticated", "users are configured too; choose one");
        }
        if (!unauthenticated && users.isEmpty() && certificates.isEmpty()) {
            throw yaml.error("restconf.users", "missing: no one could log in; configure users or client-certificates "
                + "(or, on loopback for tests, unauthenticated: true)");
        }
        return new RestconfSettings(address, port, tls, users, certificates, unauthenticated);
    }

    private static LocalKme kme(final YamlKeys yaml, final Object value) throws ControllerConfigException {
        final Map<?, ?> section = yaml.mapping(value, "kme", KME);
        final String urlText = yaml.text(yaml.required(section, "kme.url", "url"), "kme.url");
        final URI url;
        try {
            url = new URI(urlText);
        } catch (URISyntaxException e) {
            throw yaml.error("kme.url", "not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw yaml.error("kme.url", "expected an https URL such as https://127.0.0.1:9444, not " + urlText);
        }
        final Optional<String> sae = yaml.optionalText(section, "kme.sae-id", "sae-id");
        final Optional<Path> defaultCertificate = sae.map(id -> yaml.base().resolve(id + ".crt"));
        final TlsIdentity identity = identity(yaml, "kme", section, defaultCertificate);
        final String saeId = sae.or(() -> TlsIdentity.commonName(identity.certificate()))
            .orElseThrow(() -> yaml.error("kme.sae-id", "missing, and the certificate has no CN"));
        final Duration timeout = yaml.millis(section, "kme.timeout", "timeout", 100, 60_000, LocalKme.DEFAULT_TIMEOUT);
        return new LocalKme(url, saeId, identity.sslContext(), timeout);
    }

    private static ConnectionSettings connections(final YamlKeys yaml, final Object value,
            final Optional<LocalKme> kme) throws ControllerConfigException {
        final Map<?, ?> section = yaml.mapping(value, "ssh", SSH);
        Optional<char[]> password = Optional.empty();
        if (section.get("password-file") != null) {
            final Path file = yaml.file(section.get("password-file"), "ssh.password-file");
            try {
                final String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (text.isEmpty()) {
                    throw yaml.error("ssh.password-file", file + ": empty");
                }
                password = Optional.of(text.toCharArray());
            } catch (IOException e) {
                throw yaml.error("ssh.password-file", file + ": cannot read: " + e.getMessage());
            }
        }
        final Optional<Path> key = section.get("key") == null ? Optional.empty()
            : Optional.of(yaml.file(section.get("key"), "ssh.key"));
        if (password.isEmpty() && key.isEmpty()) {
            throw yaml.error("ssh", "missing password-file or key: how the controller logs in to its nodes");
        }
        final NodeLogin login = NodeLogin.of(password, key);
        password.ifPresent(chars -> Arrays.fill(chars, '\0'));
        final Optional<Path> knownHosts = section.get("known-hosts") == null ? Optional.empty()
            : Optional.of(yaml.file(section.get("known-hosts"), "ssh.known-hosts"));
        final Duration connectTimeout = yaml.millis(section, "ssh.connect-timeout", "connect-timeout", 100, 600_000,
            ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
        ReconnectOptions reconnect = ReconnectOptions.DEFAULT;
        if (section.get("reconnect") != null) {
            final Map<?, ?> backoff = yaml.mapping(section.get("reconnect"), "ssh.reconnect", RECONNECT);
            final Duration initial = yaml.millis(backoff, "ssh.reconnect.initial", "initial", 10, 3_600_000,
                reconnect.initial());
            final Duration max = yaml.millis(backoff, "ssh.reconnect.max", "max", 10, 86_400_000, reconnect.max());
            if (max.compareTo(initial) < 0) {
                throw yaml.error("ssh.reconnect.max", "below initial (" + initial.toMillis() + " ms)");
            }
            reconnect = new ReconnectOptions(initial, max, reconnect.jitter());
        }
        return new ConnectionSettings(login, knownHosts, kme, connectTimeout, reconnect);
    }

    /** The network section, read by the models' JSON codec as the content of {@code sdqkd-network:network}. */
    private static Network network(final YamlKeys yaml, final Object value) throws ControllerConfigException {
        if (!(value instanceof Map<?, ?>)) {
            throw yaml.error("network", "expected a mapping (node: [...], link: [...]), found " + YamlKeys.kind(value));
        }
        final EffectiveModelContext models = YangModels.projectModels();
        final NodeIdentifier name = new NodeIdentifier(Network.QNAME);
        final String module = models.findModule(Network.QNAME.getModule()).orElseThrow().getName();
        // RFC 7951 section 4: the top-level member is qualified by its module's name
        final String json = new Gson().toJson(Map.of(module + ":" + Network.QNAME.getLocalName(), value));
        final ContainerNode root;
        try {
            root = YangModels.documentCodec(models).read(new StringReader(json),
                DocumentFormat.JSON);
        } catch (DocumentException e) {
            throw yaml.error("network", e.error().path() + ": " + e.error().message()
                + " (quote 'off' and other YAML 1.1 booleans meant as text)");
        } catch (IOException e) {
            throw yaml.error("network", e.getMessage());
        }
        final DataContainerChild network = root.childByArg(name);
        if (network == null) {
            throw yaml.error("network", "no network data");
        }
        return NetworkBindings.shared().network(network);
    }

    private static TlsIdentity identity(final YamlKeys yaml, final String key, final Map<?, ?> section,
            final Optional<Path> defaultCertificate) throws ControllerConfigException {
        final Path certificate = section.get("certificate") != null
            ? yaml.file(section.get("certificate"), key + ".certificate")
            : defaultCertificate.orElseThrow(() -> yaml.error(key + ".certificate", "missing"));
        final Path privateKey = section.get("key") != null ? yaml.file(section.get("key"), key + ".key")
            : siblingKey(certificate);
        final Path ca = yaml.file(yaml.required(section, key + ".ca", "ca"), key + ".ca");
        try {
            return TlsIdentity.load(certificate, privateKey, ca);
        } catch (IOException e) {
            throw yaml.error(key, e.getMessage() + " (make the files with 'sdqkd pki')");
        }
    }

    private static Path siblingKey(final Path certificate) {
        final String name = String.valueOf(certificate.getFileName());
        return certificate.resolveSibling((name.endsWith(".crt") ? name.substring(0, name.length() - 4) : name)
            + ".key");
    }

    private static Set<String> keys(final String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
