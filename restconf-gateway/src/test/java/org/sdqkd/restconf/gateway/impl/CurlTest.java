package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * curl, a client sdqkd did not write, drives every method of a data resource in both encodings: PUT, GET, HEAD,
 * POST, PATCH, OPTIONS, DELETE, a conditional PUT and an error. Skipped when curl is not installed.
 */
@Tag("interop")
final class CurlTest {
    private static final Uuid APP_1 = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid APP_2 = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    /** What curl printed: the status and the headers and body it saved. */
    private record Result(int status, String headers, String body) {
    }

    @BeforeEach
    void start() {
        assumeTrue(curlInstalled(), "curl is not installed");
        gateway = new GatewayHarness(directory.resolve("datastore"));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void everyMethodThroughCurl(final Encoding encoding) throws IOException, InterruptedException {
        final String type = encoding.mediaType();
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack", TestModels.app(APP_1, 5)));
        final Path nodeBody = file("node", TestModels.body(node, List.of(), encoding));
        final String nodeUri = gateway.data(TestModels.nodePath()).toString();

        assertEquals(201, curl("PUT", nodeUri, nodeBody, "Content-Type: " + type, "Accept: " + type).status());
        Result get = curl("GET", nodeUri, null, "Accept: " + type);
        assertEquals(200, get.status(), get.body());
        assertEquals(node, TestModels.parse(get.body(), List.of(QkdNode.QNAME), encoding));
        final String etag = header(get.headers(), "ETag");
        assertTrue(get.headers().toLowerCase(java.util.Locale.ROOT).contains("last-modified:"), get.headers());

        final Result head = curl("HEAD", nodeUri, null, "Accept: " + type);
        assertEquals(200, head.status());
        assertEquals(etag, header(head.headers(), "ETag"));
        assertEquals(head.headers(), head.body(), "curl -I saves the headers alone: HEAD sent no body");

        final Path appBody = file("app", TestModels.body(TestModels.normalizedApp(TestModels.app(APP_2, 7)),
            List.of(QkdNode.QNAME, QkdApplications.QNAME), encoding));
        final Result post = curl("POST", nodeUri + "/" + QkdApplications.QNAME.getLocalName(), appBody,
            "Content-Type: " + type, "Accept: " + type);
        assertEquals(201, post.status(), post.body());
        assertEquals(gateway.data(TestModels.appPath(APP_2)).toString(), header(post.headers(), "Location"));

        final String appUri = gateway.data(TestModels.appPath(APP_2)).toString();
        final Path patchBody = file("patch", TestModels.body(TestModels.normalizedApp(TestModels.app(APP_2, 9)),
            List.of(QkdNode.QNAME, QkdApplications.QNAME), encoding));
        assertEquals(204, curl("PATCH", appUri, patchBody, "Content-Type: " + type).status());
        final Result app = curl("GET", appUri, null, "Accept: " + type);
        final NormalizedNode parsed = TestModels.parse(app.body(), List.of(QkdNode.QNAME, QkdApplications.QNAME,
            QkdApp.QNAME), encoding);
        assertEquals(TestModels.normalizedApp(TestModels.app(APP_2, 9)),
            parsed instanceof MapNode map ? map.body().iterator().next() : parsed);

        assertEquals(412, curl("PUT", nodeUri, nodeBody, "Content-Type: " + type, "If-Match: " + etag).status(),
            "the node changed since its ETag was read");

        final Result options = curl("OPTIONS", appUri, null);
        assertEquals(200, options.status());
        assertTrue(header(options.headers(), "Allow").contains("PATCH"), options.headers());

        assertEquals(204, curl("DELETE", appUri, null).status());
        final Result missing = curl("GET", appUri, null, "Accept: " + type);
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains(encoding == Encoding.JSON ? "\"ietf-restconf:errors\""
            : "urn:ietf:params:xml:ns:yang:ietf-restconf"), missing.body());
        final Result deleteAgain = curl("DELETE", appUri, null, "Accept: " + type);
        assertEquals(404, deleteAgain.status());
        assertTrue(deleteAgain.body().contains("data-missing"), deleteAgain.body());
    }

    private Path file(final String name, final byte[] content) throws IOException {
        final Path file = directory.resolve(name + ".body");
        Files.write(file, content);
        return file;
    }

    private Result curl(final String method, final String uri, final Path body, final String... headers)
            throws IOException, InterruptedException {
        final Path headerFile = Files.createTempFile(directory, "headers", ".txt");
        final Path bodyFile = Files.createTempFile(directory, "body", ".txt");
        final List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-o",
            bodyFile.toString(), "-D", headerFile.toString(), "-w", "%{http_code}"));
        if ("HEAD".equals(method)) {
            command.add("-I");
        } else {
            command.addAll(List.of("-X", method));
        }
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        if (body != null) {
            command.addAll(List.of("--data-binary", "@" + body));
        }
        command.add(uri);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "curl did not end");
        assertEquals(0, process.exitValue(), "curl failed: " + out);
        return new Result(Integer.parseInt(out.strip()), Files.readString(headerFile), Files.readString(bodyFile));
    }

    private static String header(final String headers, final String name) {
        for (String line : headers.split("\r?\n")) {
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " header in " + headers);
    }

    private static boolean curlInstalled() {
        try {
            final Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
