package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;

/**
 * The {@code ssh-qkd} section of an agent's or node's configuration: the hybrid classical + QKD key exchange of the
 * NETCONF SSH server. Its keys are the leaves of the YANG container {@code ssh-qkd} of {@code sdqkd-ssh-qkd}, plus
 * the SAE's certificate files:
 *
 * <pre>
 * ssh-qkd:
 *   policy: preferred                  # required | preferred | off
 *   fallback-on-kme-failure: false     # only with preferred
 *   method: [mlkem768-x25519-qkd, x25519-qkd]
 *   kme:
 *     url: https://127.0.0.1:9445      # a node: its own KME by default
 *     local-sae-id: sae-norte-nc       # default: the certificate's CN
 *     timeout: 3000                    # milliseconds, 100..60000
 *     certificate: PATH                # a node: its PKI directory's LOCAL-SAE-ID.crt by default
 *     key: PATH                        # a node: LOCAL-SAE-ID.key beside it
 *     ca: PATH                         # a node: its PKI's CA
 *   peer: [sae-almagro-controller]     # the client SAEs a hybrid key exchange is accepted from
 *   rekey: {max-bytes: 1073741824, max-time: 3600}
 * </pre>
 *
 * @param settings    the policy, methods, peers and re-key limits
 * @param kmeUrl      the KME's base URL, when given
 * @param localSaeId  the SAE identity towards the KME, when given
 * @param timeout     the time allowed for one key request
 * @param certificate the SAE's certificate file, when given
 * @param key         its private key file, when given
 * @param ca          the CA file trusted for the KME, when given
 */
public record SshQkdConfig(SshQkdSettings settings, Optional<URI> kmeUrl, Optional<String> localSaeId,
        Duration timeout, Optional<Path> certificate, Optional<Path> key, Optional<Path> ca) {

    /** The YANG default of {@code kme/timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(3000);

    private static final Set<String> TOP_KEYS = keys("policy", "fallback-on-kme-failure", "method", "kme", "peer",
        "rekey");
    private static final Set<String> KME_KEYS = keys("url", "local-sae-id", "timeout", "certificate", "key", "ca");
    private static final Set<String> REKEY_KEYS = keys("max-bytes", "max-time");

    /**
     * Reads the section.
     *
     * @param yaml the file, for messages and paths
     * @param key  the section's key path, such as {@code ssh-qkd}
     * @param node the section
     * @return the configuration
     * @throws ConfigException when a key is unknown, of the wrong type or out of range
     */
    static SshQkdConfig parse(final YamlSection yaml, final String key, final JsonNode node) throws ConfigException {
        yaml.mapping(node, key, TOP_KEYS);
        final KexPolicy policy;
        final JsonNode policyNode = YamlSection.optional(node, "policy");
        try {
            // YAML 1.1 readers may take an unquoted off for the boolean false
            policy = KexPolicy.ofYangName(policyNode == null ? "preferred"
                : policyNode.isBoolean() && !policyNode.booleanValue() ? "off"
                : yaml.text(policyNode, key + ".policy"));
        } catch (IllegalArgumentException e) {
            throw yaml.error(key + ".policy", e.getMessage());
        }
        final boolean fallback = bool(yaml, node, key + ".fallback-on-kme-failure", "fallback-on-kme-failure");
        if (fallback && policy != KexPolicy.PREFERRED) {
            throw yaml.error(key + ".fallback-on-kme-failure", "fallback to classical key exchange only applies to "
                + "the preferred policy");
        }
        final List<HybridMethod> methods = new ArrayList<>();
        for (String name : list(yaml, node, key + ".method", "method")) {
            try {
                final HybridMethod method = HybridMethod.ofYangIdentity(name);
                if (methods.contains(method)) {
                    throw yaml.error(key + ".method", name + " is listed twice");
                }
                methods.add(method);
            } catch (IllegalArgumentException e) {
                throw yaml.error(key + ".method", e.getMessage());
            }
        }
        final Set<String> peers = new LinkedHashSet<>();
        for (String peer : list(yaml, node, key + ".peer", "peer")) {
            if (peer.isBlank() || !peers.add(peer)) {
                throw yaml.error(key + ".peer", "blank or repeated SAE ID '" + peer + "'");
            }
        }
        long maxBytes = SshQkdSettings.DEFAULT_REKEY_MAX_BYTES;
        Duration maxTime = SshQkdSettings.DEFAULT_REKEY_MAX_TIME;
        final JsonNode rekey = YamlSection.optional(node, "rekey");
        if (rekey != null) {
            yaml.mapping(rekey, key + ".rekey", REKEY_KEYS);
            final JsonNode bytes = YamlSection.optional(rekey, "max-bytes");
            if (bytes != null) {
                if (!bytes.isIntegralNumber() || !bytes.canConvertToLong()
                        || bytes.longValue() < SshQkdSettings.MIN_REKEY_BYTES) {
                    throw yaml.error(key + ".rekey.max-bytes", "expected an integer of at least "
                        + SshQkdSettings.MIN_REKEY_BYTES + ", found " + bytes.asText());
                }
                maxBytes = bytes.longValue();
            }
            maxTime = yaml.duration(rekey, key + ".rekey.max-time", "max-time", false, maxTime);
            if (maxTime.compareTo(SshQkdSettings.MIN_REKEY_TIME) < 0 || maxTime.toSeconds() > 86400) {
                throw yaml.error(key + ".rekey.max-time", "out of range 10..86400 seconds: " + maxTime.toSeconds());
            }
        }
        Optional<URI> url = Optional.empty();
        Optional<String> localSae = Optional.empty();
        Duration timeout = DEFAULT_TIMEOUT;
        Optional<Path> certificate = Optional.empty();
        Optional<Path> privateKey = Optional.empty();
        Optional<Path> ca = Optional.empty();
        final JsonNode kme = YamlSection.optional(node, "kme");
        if (kme != null) {
            final String at = key + ".kme";
            yaml.mapping(kme, at, KME_KEYS);
            final Optional<String> urlText = yaml.optionalText(kme, at + ".url", "url");
            if (urlText.isPresent()) {
                url = Optional.of(httpsUrl(yaml, at + ".url", urlText.get()));
            }
            localSae = yaml.optionalText(kme, at + ".local-sae-id", "local-sae-id");
            if (localSae.isPresent() && localSae.get().isBlank()) {
                throw yaml.error(at + ".local-sae-id", "blank SAE ID");
            }
            timeout = Duration.ofMillis(yaml.integer(kme, at + ".timeout", "timeout", 100, 60000,
                (int) DEFAULT_TIMEOUT.toMillis()));
            certificate = optionalPath(yaml, kme, at, "certificate");
            privateKey = optionalPath(yaml, kme, at, "key");
            ca = optionalPath(yaml, kme, at, "ca");
        }
        return new SshQkdConfig(new SshQkdSettings(policy, fallback, methods, peers, maxBytes, maxTime), url,
            localSae, timeout, certificate, privateKey, ca);
    }

    /**
     * The key source towards the KME, with the SAE's TLS identity.
     *
     * @param yaml       the file, for messages
     * @param key        the section's key path
     * @param defaultUrl the KME URL when the section names none (a node's own KME), or empty
     * @param identity   the SAE's TLS identity
     * @return the key source
     * @throws ConfigException when no URL or SAE ID is known
     */
    CloseableKeySource keySource(final YamlSection yaml, final String key, final Optional<URI> defaultUrl,
            final TlsIdentity identity) throws ConfigException {
        final URI url = kmeUrl.or(() -> defaultUrl).orElseThrow(() -> yaml.error(key + ".kme.url",
            "missing: the hybrid key exchange needs the KME's URL"));
        final String sae = localSaeId.or(() -> TlsIdentity.commonName(identity.certificate()))
            .orElseThrow(() -> yaml.error(key + ".kme.local-sae-id", "missing, and the certificate has no CN"));
        return QkdKeySources.etsi014(url, identity.sslContext(), sae, timeout);
    }

    /**
     * Loads the SAE's TLS identity from the configured files, or from the defaults.
     *
     * @param yaml               the file, for messages
     * @param key                the section's key path
     * @param defaultCertificate the certificate file when none is configured, or empty
     * @param defaultCa          the CA file when none is configured, or empty
     * @return the identity
     * @throws ConfigException when a file is missing or unreadable
     */
    TlsIdentity identity(final YamlSection yaml, final String key, final Optional<Path> defaultCertificate,
            final Optional<Path> defaultCa) throws ConfigException {
        final Path cert = certificate.or(() -> defaultCertificate).orElseThrow(() -> yaml.error(
            key + ".kme.certificate", "missing: the SAE's certificate for the KME"));
        final Path keyFile = this.key.orElseGet(() -> siblingKey(cert));
        final Path caFile = ca.or(() -> defaultCa).orElseThrow(() -> yaml.error(key + ".kme.ca",
            "missing: the CA that signed the KME's certificate"));
        try {
            return TlsIdentity.load(cert, keyFile, caFile);
        } catch (IOException e) {
            throw yaml.error(key + ".kme", e.getMessage() + " (make the SAE's files with 'sdqkd pki sae')");
        }
    }

    private static Path siblingKey(final Path certificate) {
        final Path file = certificate.getFileName();
        final String name = file == null ? "sae.crt" : file.toString();
        final String base = name.toLowerCase(Locale.ROOT).endsWith(".crt") ? name.substring(0, name.length() - 4)
            : name;
        return certificate.resolveSibling(base + ".key");
    }

    private static URI httpsUrl(final YamlSection yaml, final String key, final String text)
            throws ConfigException {
        try {
            final URI url = new URI(text);
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw yaml.error(key, "expected an https URL such as https://127.0.0.1:9445, not " + text);
            }
            return url;
        } catch (URISyntaxException e) {
            throw yaml.error(key, "not a URL: " + e.getMessage());
        }
    }

    private static Optional<Path> optionalPath(final YamlSection yaml, final JsonNode parent, final String at,
            final String name) throws ConfigException {
        final JsonNode value = YamlSection.optional(parent, name);
        return value == null ? Optional.empty() : Optional.of(yaml.path(value, at + "." + name));
    }

    private static boolean bool(final YamlSection yaml, final JsonNode parent, final String key, final String name)
            throws ConfigException {
        final JsonNode value = YamlSection.optional(parent, name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw yaml.error(key, "expected true or false, found " + YamlSection.kind(value));
        }
        return value.booleanValue();
    }

    private static List<String> list(final YamlSection yaml, final JsonNode parent, final String key,
            final String name) throws ConfigException {
        final JsonNode value = YamlSection.optional(parent, name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw yaml.error(key, "expected a list, found " + YamlSection.kind(value));
        }
        final List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(yaml.text(value.get(i), key + "[" + i + "]"));
        }
        return items;
    }

    private static Set<String> keys(final String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
