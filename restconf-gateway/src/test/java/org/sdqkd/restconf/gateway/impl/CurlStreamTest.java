package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/**
 * curl ({@code curl -N}), a client sdqkd did not write, subscribes to the event stream in each encoding and sees a
 * configuration change made through the gateway and one made directly through the datastore API. Skipped when curl
 * is not installed.
 */
@Tag("interop")
final class CurlStreamTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void curlSeesChangesByTheGatewayAndByTheDatastore(final Encoding encoding) throws Exception {
        assumeTrue(curlInstalled(), "curl is not installed");
        try (GatewayHarness gateway = new GatewayHarness(directory)) {
            final String location = StreamResource.location(gateway.root().toString(), encoding);
            final Process curl = new ProcessBuilder("curl", "-N", "-sS", "--max-time", "60", "-H",
                "Accept: text/event-stream", location).redirectErrorStream(true).start();
            final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(curl.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    out.lines().forEach(lines::add);
                } catch (IOException e) {
                    lines.add("read failed: " + e);
                }
            });
            try {
                // the greeting comment: curl is subscribed
                assertTrue(next(lines).startsWith(": NETCONF stream"));
                final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack"));
                final HttpResponse<String> put = gateway.edit("PUT", TestModels.nodePath(),
                    TestModels.body(node, List.of(), Encoding.JSON), Encoding.JSON);
                assertEquals(201, put.statusCode(), put.body());
                String data = nextData(lines);
                assertTrue(data.contains("netconf-config-change"), data);
                assertTrue(data.contains("restconf"), data);
                assertTrue(data.contains("create"), data);

                try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.RUNNING,
                        new SessionId(9, "netconf-admin"))) {
                    tx.delete(TestModels.path(TestModels.QKD_NODE));
                    tx.commit();
                }
                data = nextData(lines);
                assertTrue(data.contains("netconf-admin"), data);
                assertTrue(data.contains("delete"), data);
                assertTrue(data.contains(encoding == Encoding.JSON ? "\"ietf-restconf:notification\""
                    : "<notification xmlns=\"" + NotificationWriter.NOTIFICATION_NS + "\">"), data);
            } finally {
                curl.destroy();
                curl.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String nextData(final BlockingQueue<String> lines) throws InterruptedException {
        while (true) {
            final String line = next(lines);
            if (line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
    }

    private static String next(final BlockingQueue<String> lines) throws InterruptedException {
        final String line = lines.poll(20, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("curl printed nothing within 20 s");
        }
        return line;
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
