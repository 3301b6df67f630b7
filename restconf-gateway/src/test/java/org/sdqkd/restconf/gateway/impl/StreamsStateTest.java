package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.RestconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.streams.Stream;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.streams.stream.Access;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.sdqkd.restconf.gateway.StreamLimits;

/**
 * The streams of {@code ietf-restconf-monitoring:restconf-state} (RFC 8040 section 9.3), read back into their
 * bindings: the NETCONF stream with its replay support and an access entry per encoding whose location, built from
 * the client's authority, opens the stream; and the filter and replay capabilities, the latter only with replay.
 */
final class StreamsStateTest {
    private static final DataObjectIdentifier<RestconfState> STATE =
        DataObjectIdentifier.builder(RestconfState.class).build();

    @TempDir
    Path directory;

    private static RestconfState state(final GatewayHarness gateway, final URI uri, final Encoding encoding) {
        final HttpResponse<String> answer = gateway.send("GET", uri, null, "Accept", encoding.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        return TestModels.decode(STATE, TestModels.parse(answer.body(), List.of(RestconfState.QNAME), encoding));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void theNetconfStreamIsListedWithALocationPerEncoding(final Encoding encoding) {
        final Instant started = Instant.now().minusSeconds(1);
        try (GatewayHarness gateway = new GatewayHarness(directory)) {
            final URI viaName = URI.create(gateway.data("ietf-restconf-monitoring:restconf-state").toString()
                .replace("127.0.0.1", "localhost"));
            final RestconfState state = state(gateway, viaName, encoding);
            final Stream stream = state.getStreams().nonnullStream().values().iterator().next();
            assertEquals(1, state.getStreams().nonnullStream().size());
            assertEquals(NotificationStream.NAME, stream.getName());
            assertTrue(stream.getReplaySupport());
            final Instant created = OffsetDateTime.parse(stream.getReplayLogCreationTime().getValue()).toInstant();
            assertFalse(created.isBefore(started), created.toString());
            final Map<String, String> locations = stream.nonnullAccess().values().stream()
                .collect(Collectors.toMap(Access::getEncoding, access -> access.getLocation().getValue()));
            final String root = "http://localhost:" + gateway.root().getPort() + "/restconf";
            assertEquals(Map.of("json", root + "/streams/NETCONF/json", "xml", root + "/streams/NETCONF/xml"),
                locations);
            for (String location : locations.values()) {
                try (SseClient sse = SseClient.subscribe(URI.create(location))) {
                    assertEquals(200, sse.status(), location);
                }
            }
            assertTrue(capabilities(state).containsAll(Set.of(Capabilities.FILTER, Capabilities.REPLAY)));
        }
    }

    @Test
    void withoutReplayNeitherReplaySupportNorItsCapabilityIsAnnounced() {
        try (GatewayHarness gateway = new GatewayHarness(directory, new StreamLimits(4, 16, 0,
                Duration.ofSeconds(15)))) {
            final RestconfState state = state(gateway, gateway.data("ietf-restconf-monitoring:restconf-state"),
                Encoding.JSON);
            final Stream stream = state.getStreams().nonnullStream().values().iterator().next();
            assertFalse(stream.getReplaySupport());
            assertNull(stream.getReplayLogCreationTime());
            assertTrue(capabilities(state).contains(Capabilities.FILTER));
            assertFalse(capabilities(state).contains(Capabilities.REPLAY));
            final URI replay = URI.create(StreamResource.location(gateway.root().toString(), Encoding.JSON)
                + "?start-time=" + Instant.now());
            try (SseClient sse = SseClient.open(replay, "text/event-stream")) {
                assertEquals(400, sse.status());
                assertTrue(sse.body().contains("keeps no events to replay"));
            }
        }
    }

    private static Set<String> capabilities(final RestconfState state) {
        return state.getCapabilities().getCapability().stream().map(Uri::getValue).collect(Collectors.toSet());
    }
}
