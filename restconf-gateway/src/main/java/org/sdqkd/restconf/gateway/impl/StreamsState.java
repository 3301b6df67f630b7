package org.sdqkd.restconf.gateway.impl;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.Streams;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.StreamsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.streams.StreamBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.streams.stream.Access;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.streams.stream.AccessBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;

/**
 * The {@code streams} of {@code ietf-restconf-monitoring:restconf-state} (RFC 8040 section 9.3): the one
 * {@code NETCONF} stream, with its replay support and replay log's creation time, and one {@code access} entry per
 * encoding whose {@code location} is the stream's SSE URL under the RESTCONF root the client used.
 */
final class StreamsState {
    private StreamsState() {
        // no instances
    }

    /**
     * The streams container.
     *
     * @param restconfRoot the RESTCONF root as the client reached it
     * @param stream       the stream
     * @return the binding of {@code restconf-state/streams}
     */
    static Streams streams(final String restconfRoot, final NotificationStream stream) {
        final StreamBuilder builder = new StreamBuilder()
            .setName(NotificationStream.NAME)
            .setDescription("the default NETCONF event stream: configuration changes (ietf-netconf-notifications)"
                + " and the notifications the served models' services publish")
            .setReplaySupport(stream.replaySupported())
            .setAccess(Stream.of(Encoding.values()).map(encoding -> new AccessBuilder()
                    .setEncoding(StreamResource.encodingName(encoding))
                    .setLocation(new Uri(StreamResource.location(restconfRoot, encoding)))
                    .build())
                .collect(Collectors.toMap(Access::key, Function.identity())));
        if (stream.replaySupported()) {
            builder.setReplayLogCreationTime(new DateAndTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                stream.replayLogCreationTime().atOffset(ZoneOffset.UTC))));
        }
        final var entry = builder.build();
        return new StreamsBuilder().setStream(Map.of(entry.key(), entry)).build();
    }
}
