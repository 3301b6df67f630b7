package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sdqkd.tls.api.Pem;

/**
 * The {@code curl} commands the demo prints for its controller's RESTCONF: the topology, a read of a node's
 * {@code qkd_node} through its mount, and an application configured on that node through the mount (and read back).
 * Each request is made here first, as the printed command makes it (HTTPS checked against the demo's CA, HTTP Basic),
 * and a command is printed only once its answer is the expected one.
 *
 * @param root  the controller's RESTCONF root
 * @param ca    the demo CA's certificate file
 * @param steps the commands, in the order they are printed
 */
record DemoRestconf(URI root, Path ca, List<Step> steps) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String MEDIA = "application/yang-data+json";

    /**
     * One command: what it shows, its method, path below the root and body, and the check of its answer.
     *
     * @param title  the line printed above it
     * @param method the HTTP method
     * @param path   the path below the RESTCONF root
     * @param body   the JSON body, or null
     * @param check  whether an answer (status, body) is the expected one
     */
    record Step(String title, String method, String path, String body, Predicate<HttpResponse<String>> check) {
        /** The command line, ready to paste. */
        String curl(final URI root, final Path ca) {
            final StringBuilder line = new StringBuilder("curl -s --cacert ").append(ca).append(" -u ")
                .append(DemoController.USER).append(':').append(DemoController.PASSWORD);
            if (body != null) {
                line.append(" -X ").append(method).append(" -H 'Content-Type: ").append(MEDIA).append("' -d '")
                    .append(body).append("' -w '%{http_code}\\n'");
            }
            return line.append(" '").append(root).append(path).append('\'').toString();
        }
    }

    /**
     * The commands for a network with these links, mounting {@code node} (its {@code qkdn_id}) and configuring an
     * application there over {@code link} towards {@code peer}.
     */
    static DemoRestconf of(final URI root, final Path ca, final List<String> linkIds, final DemoNetwork.DemoNode node,
            final DemoNetwork.DemoNode peer, final String link) {
        final String mount = "/data/sdqkd-network:network/node=" + node.id() + "/yang-ext:mount";
        final UUID appId = UUID.nameUUIDFromBytes(("sdqkd-demo-app-" + node.id()).getBytes(StandardCharsets.UTF_8));
        final String app = mount + "/etsi-qkd-sdn-node:qkd_node/qkd_applications/qkd_app=" + appId;
        final List<Step> steps = new ArrayList<>();
        steps.add(new Step("The network: nodes with their connection state, QKD links with live status and SKR",
            "GET", "/data/sdqkd-network:network", null,
            r -> r.statusCode() == 200 && linkIds.stream().allMatch(id -> hasLiveSkr(r.body(), id))));
        steps.add(new Step(node.name() + "'s qkd_node, read through its mount", "GET",
            mount + "/etsi-qkd-sdn-node:qkd_node", null,
            r -> r.statusCode() == 200 && r.body().contains(node.id().toString())));
        steps.add(new Step("An application configured on " + node.name() + " through the mount (201 created, 204 "
            + "replaced), then read back", "PUT", app, application(appId, node, peer, link),
            r -> r.statusCode() == 201 || r.statusCode() == 204));
        steps.add(new Step(null, "GET", app, null,
            r -> r.statusCode() == 200 && r.body().contains(appId.toString())));
        return new DemoRestconf(root, ca, List.copyOf(steps));
    }

    /**
     * Makes every request until its answer is the expected one (the mounts and the live state take a moment).
     *
     * @throws IOException when one is not answered as expected within 90 s (the message has the last answer)
     */
    void check() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().sslContext(trusting(ca)).build()) {
            final String basic = basicAuthorization();
            for (Step step : steps) {
                final long deadline = System.nanoTime() + WAIT.toNanos();
                while (true) {
                    final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + step.path()))
                        .header("Authorization", basic).timeout(Duration.ofSeconds(10));
                    if (step.body() != null) {
                        request.header("Content-Type", MEDIA);
                    }
                    final HttpResponse<String> answer = http.send(request.method(step.method(), step.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(step.body()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                    if (step.check().test(answer)) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the controller's " + step.method() + " " + step.path()
                            + " answers " + answer.statusCode() + ": " + answer.body());
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    /** The printed lines: a title, then the command line, for each. */
    List<String> lines() {
        final List<String> lines = new ArrayList<>();
        for (Step step : steps) {
            if (step.title() != null) {
                lines.add(step.title() + ":");
            }
            lines.add("  " + step.curl(root, ca));
        }
        return lines;
    }

    /** Whether a GET of the network shows this link with an SKR above zero. */
    static boolean hasLiveSkr(final String network, final String linkId) {
        try {
            for (JsonNode link : JSON.readTree(network).path("sdqkd-network:network").path("link")) {
                if (link.path("link-id").asText().equalsIgnoreCase(linkId)) {
                    final JsonNode skr = link.path("state").path("skr");
                    return !skr.isMissingNode() && Long.parseLong(skr.asText()) > 0;
                }
            }
            return false;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static String application(final UUID appId, final DemoNetwork.DemoNode node,
            final DemoNetwork.DemoNode peer, final String link) {
        final ObjectNode app = JSON.createObjectNode();
        final ObjectNode entry = app.putArray("etsi-qkd-sdn-node:qkd_app").addObject()
            .put("app_id", appId.toString()).put("app_type", "etsi-qkd-node-types:CLIENT")
            .put("server_app_id", "sae-" + node.name().toLowerCase(java.util.Locale.ROOT) + "-demo");
        entry.putArray("client_app_id").add("sae-" + peer.name().toLowerCase(java.util.Locale.ROOT) + "-demo");
        entry.put("app_priority", 3);
        entry.putArray("backing_qkdl_id").add(link);
        entry.put("local_qkdn_id", node.id().toString()).put("remote_qkdn_id", peer.id().toString());
        return app.toString();
    }

    /** The {@code Authorization} header of the demo's user (HTTP Basic). */
    static String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
            (DemoController.USER + ":" + DemoController.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A TLS context that trusts the certificates the demo's CA issued (and presents none). */
    static SSLContext trusting(final Path caFile) throws IOException {
        try {
            final KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", Pem.readCertificates(caFile).getFirst());
            final TrustManagerFactory factory = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(caFile + ": " + e.getMessage(), e);
        }
    }
}
