package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnInterfaceDownBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkDownBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.sdqkdn_interface_down.QkdInterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.sdqkdn_link_down.QkdLinkBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.restconf.gateway.spi.NotificationSink;

/**
 * Notifications published through the {@link NotificationSink} (as the QKD node publishes its ETSI GS QKD 015
 * events), and the stream query parameters {@code filter}, {@code start-time} and {@code stop-time} (RFC 8040
 * sections 4.8.4, 4.8.7, 4.8.8), with the 400 {@code invalid-value} answers to bad values.
 */
final class StreamQueryTest {
    private static final String LINK_DOWN = "etsi-qkd-sdn-node:sdqkdn_link_down";
    private static final String INTERFACE_DOWN = "etsi-qkd-sdn-node:sdqkdn_interface_down";

    @TempDir
    Path directory;
    private GatewayHarness gateway;
    private NotificationSink sink;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
        sink = gateway.gateway().notifications();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private URI stream(final Encoding encoding, final String query) {
        return URI.create(StreamResource.location(gateway.root().toString(), encoding)
            + (query.isEmpty() ? "" : "?" + query));
    }

    static ContainerNode linkDown(final String reason) {
        return normalized(new SdqkdnLinkDownBuilder().setQkdLink(new QkdLinkBuilder()
            .setQkdlId(new Uuid(UUID.randomUUID().toString())).setReason(reason).build()).build());
    }

    static ContainerNode interfaceDown(final long id) {
        return normalized(new SdqkdnInterfaceDownBuilder().setQkdInterface(new QkdInterfaceBuilder()
            .setQkdiId(Uint32.valueOf(id)).setReason("fibre cut").build()).build());
    }

    private static ContainerNode normalized(final Notification<?> notification) {
        return TestModels.codec().nodeSerializer().toNormalizedNodeNotification(notification);
    }

    private static JsonObject notification(final String event) {
        return JsonParser.parseString(event).getAsJsonObject().getAsJsonObject("ietf-restconf:notification");
    }

    @Test
    void publishedNotificationsReachBothEncodings() {
        try (SseClient json = SseClient.subscribe(stream(Encoding.JSON, ""));
                SseClient xml = SseClient.subscribe(stream(Encoding.XML, ""))) {
            final Instant time = Instant.parse("2026-12-07T09:00:00.125Z");
            sink.publish(linkDown("power loss"), time);
            final JsonObject event = notification(json.nextEvent());
            assertEquals("2026-12-07T09:00:00.125Z", event.get("eventTime").getAsString());
            assertEquals("power loss", event.getAsJsonObject(LINK_DOWN).getAsJsonObject("qkd_link").get("reason")
                .getAsString());
            final String text = xml.nextEvent();
            assertTrue(text.contains("<eventTime>2026-12-07T09:00:00.125Z</eventTime>"), text);
            assertTrue(text.contains("<sdqkdn_link_down xmlns=\"urn:etsi:qkd:yang:etsi-qkd-node\">"), text);
            assertTrue(text.contains("<reason>power loss</reason>"), text);
        }
    }

    @Test
    void onlyTopLevelNotificationsOfTheModelsArePublished() {
        final ContainerNode data = (ContainerNode) TestModels.normalized(TestModels.QKD_NODE, TestModels.node("r"));
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> sink.publish(data, Instant.now()));
        assertTrue(refused.getMessage().contains("not a top-level notification"), refused.getMessage());
    }

    @Test
    void filterSelectsByContent() {
        final String filter = LINK_DOWN + "/etsi-qkd-sdn-node:qkd_link[etsi-qkd-sdn-node:reason='power loss']";
        try (SseClient sse = SseClient.subscribe(stream(Encoding.JSON, "filter=" + encoded(filter)))) {
            assertEquals(200, sse.status());
            sink.publish(interfaceDown(3), Instant.now());
            sink.publish(linkDown("maintenance"), Instant.now());
            sink.publish(linkDown("power loss"), Instant.now());
            final JsonObject event = notification(sse.nextEvent());
            assertEquals("power loss", event.getAsJsonObject(LINK_DOWN).getAsJsonObject("qkd_link").get("reason")
                .getAsString());
        }
        // the envelope is there to filter on too, under the prefix nc
        try (SseClient sse = SseClient.subscribe(stream(Encoding.XML,
                "filter=" + encoded("/nc:notification[nc:eventTime = 'never'] | " + INTERFACE_DOWN)))) {
            sink.publish(linkDown("power loss"), Instant.now());
            sink.publish(interfaceDown(7), Instant.now());
            assertTrue(sse.nextEvent().contains("<qkdi_id>7</qkdi_id>"));
        }
    }

    @Test
    void startTimeReplaysAndStopTimeEnds() throws InterruptedException {
        final Instant base = Instant.now().minusSeconds(60);
        sink.publish(interfaceDown(1), base);
        sink.publish(interfaceDown(2), base.plusSeconds(10));
        sink.publish(interfaceDown(3), base.plusSeconds(20));
        try (SseClient sse = SseClient.subscribe(stream(Encoding.JSON, "start-time=" + base.plusSeconds(5)))) {
            assertEquals(200, sse.status());
            assertEquals(2, interfaceId(sse.nextEvent()));
            assertEquals(3, interfaceId(sse.nextEvent()));
            sink.publish(interfaceDown(4), Instant.now());
            assertEquals(4, interfaceId(sse.nextEvent()));
        }
        // a stop time in the past: the replay up to it, then the stream ends
        try (SseClient sse = SseClient.subscribe(stream(Encoding.JSON, "start-time=" + base + "&stop-time="
                + base.plusSeconds(15)))) {
            assertEquals(1, interfaceId(sse.nextEvent()));
            assertEquals(2, interfaceId(sse.nextEvent()));
            assertFalse(sse.eventWithin(Duration.ofSeconds(5)));
        }
        // a stop time soon: live events until then, and the end
        try (SseClient sse = SseClient.subscribe(stream(Encoding.JSON, "start-time=" + Instant.now() + "&stop-time="
                + Instant.now().plusMillis(1500)))) {
            sink.publish(interfaceDown(5), Instant.now());
            assertEquals(5, interfaceId(sse.nextEvent()));
            SseClient.Item item;
            do {
                item = sse.next();
            } while (item.kind() == SseClient.Kind.COMMENT);
            assertEquals(SseClient.Kind.END, item.kind());
        }
    }

    @Test
    void badParametersAnswerInvalidValue() {
        final String future = Instant.now().plusSeconds(3600).toString();
        for (String query : List.of("depth=1", "filter=" + encoded("/etsi-qkd-sdn-node:sdqkdn_link_down["),
                "filter=" + encoded("/no-such-module:x"), "filter=", "start-time=yesterday",
                "start-time=" + future, "stop-time=" + Instant.now(),
                "start-time=" + Instant.now() + "&stop-time=" + Instant.now().minusSeconds(60),
                "start-time=" + Instant.now() + "&start-time=" + Instant.now())) {
            try (SseClient sse = SseClient.open(stream(Encoding.JSON, query), "text/event-stream")) {
                assertEquals(400, sse.status(), query);
                final String body = sse.body();
                assertTrue(body.contains("invalid-value"), query + ": " + body);
            }
        }
    }

    private static long interfaceId(final String event) {
        return notification(event).getAsJsonObject(INTERFACE_DOWN).getAsJsonObject("qkd_interface").get("qkdi_id")
            .getAsLong();
    }

    private static String encoded(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
