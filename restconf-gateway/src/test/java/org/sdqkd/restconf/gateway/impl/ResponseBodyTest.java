package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Answers are sent while the data is walked (issue 14, "GET of those 10,000 entries streamed"): a large answer's bytes
 * reach the connection before the writer has finished walking the data, in pieces no larger than the buffer, and
 * equal to what the writer writes whole; a small one goes out in one write with its length; HEAD only counts.
 */
final class ResponseBodyTest {
    private static final ModelCodecs CODECS = ModelCodecs.of(TestModels.CONTEXT);

    @TempDir
    Path directory;

    /** What a sink was given, write by write, and whether the writer had finished walking the data at each. */
    private static final class RecordingSink implements Content.Sink {
        private final AtomicBoolean walked;
        private final List<byte[]> writes = new ArrayList<>();
        private final List<Boolean> afterWalk = new ArrayList<>();
        private boolean last;

        RecordingSink(final AtomicBoolean walked) {
            this.walked = walked;
        }

        @Override
        public void write(final boolean lastWrite, final ByteBuffer content, final Callback callback) {
            // the last write may carry no content at all
            if (content != null && content.hasRemaining()) {
                final byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                writes.add(bytes);
                afterWalk.add(walked.get());
            }
            last |= lastWrite;
            callback.succeeded();
        }

        byte[] all() {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            writes.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }

    private static NormalizedNode nodeWith(final int applications) {
        final QkdApp[] apps = new QkdApp[applications];
        for (int i = 0; i < applications; i++) {
            apps[i] = TestModels.app(new Uuid(new UUID(0x1234L, i).toString()), i, "urn:sdqkd:sae:client-" + i);
        }
        return TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 1", apps));
    }

    private static byte[] whole(final ApiPath target, final NormalizedNode data, final Encoding encoding)
            throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BodyWriter(CODECS).write(target, data, encoding, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void sendsTenThousandEntriesWhileTheyAreWalked(final Encoding encoding) throws Exception {
        final ApiPath target = new ApiPathParser(CODECS).parse(TestModels.nodePath());
        final NormalizedNode data = nodeWith(10_000);
        final AtomicBoolean walked = new AtomicBoolean();
        final RecordingSink sink = new RecordingSink(walked);
        final List<Long> lengths = new ArrayList<>();
        final ResponseBody body = new ResponseBody(sink, lengths::add, false);

        new BodyWriter(CODECS).write(target, data, encoding, body);
        walked.set(true);
        assertTrue(body.committed());
        body.finish(Callback.NOOP);

        final byte[] expected = whole(target, data, encoding);
        assertTrue(expected.length > 50 * ResponseBody.BUFFER, "the answer is large: " + expected.length);
        assertArrayEquals(expected, sink.all());
        assertTrue(lengths.isEmpty(), "no Content-Length for a streamed answer");
        assertTrue(sink.last);
        assertFalse(sink.afterWalk.getFirst(), "the first bytes went out before the walk finished");
        long sentDuringWalk = 0;
        for (int i = 0; i < sink.writes.size(); i++) {
            assertTrue(sink.writes.get(i).length <= ResponseBody.BUFFER, "write " + i + " is one buffer at most");
            if (!sink.afterWalk.get(i)) {
                sentDuringWalk += sink.writes.get(i).length;
            }
        }
        assertTrue(sentDuringWalk >= expected.length - ResponseBody.BUFFER,
            "all but the last buffer went out during the walk: " + sentDuringWalk + " of " + expected.length);
    }

    @Test
    void sendsASmallAnswerInOneWriteWithItsLength() throws Exception {
        final ApiPath target = new ApiPathParser(CODECS).parse(TestModels.nodePath());
        final NormalizedNode data = nodeWith(2);
        final RecordingSink sink = new RecordingSink(new AtomicBoolean());
        final List<Long> lengths = new ArrayList<>();
        final ResponseBody body = new ResponseBody(sink, lengths::add, false);

        new BodyWriter(CODECS).write(target, data, Encoding.JSON, body);
        assertFalse(body.committed());
        assertTrue(sink.writes.isEmpty(), "nothing is sent before the end of a small answer");
        body.finish(Callback.NOOP);

        final byte[] expected = whole(target, data, Encoding.JSON);
        assertEquals(1, sink.writes.size());
        assertTrue(sink.last);
        assertArrayEquals(expected, sink.writes.getFirst());
        assertEquals(List.of((long) expected.length), lengths);
    }

    @Test
    void headCountsTheLengthOfALargeAnswerWithoutSendingIt() throws Exception {
        final ApiPath target = new ApiPathParser(CODECS).parse(TestModels.nodePath());
        final NormalizedNode data = nodeWith(2_000);
        final RecordingSink sink = new RecordingSink(new AtomicBoolean());
        final List<Long> lengths = new ArrayList<>();
        final ResponseBody body = new ResponseBody(sink, lengths::add, true);

        new BodyWriter(CODECS).write(target, data, Encoding.XML, body);
        body.finish(Callback.NOOP);

        assertEquals(List.of((long) whole(target, data, Encoding.XML).length), lengths);
        assertEquals(0, sink.all().length);
        assertTrue(sink.last);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void gatewayStreamsALargeAnswerInChunksAndHeadGivesItsLength(final Encoding encoding) {
        try (GatewayHarness gateway = new GatewayHarness(directory)) {
            final NormalizedNode data = nodeWith(2_000);
            assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(data, List.of(), encoding),
                encoding).statusCode());

            final HttpResponse<String> answer = gateway.get(TestModels.nodePath(), encoding);
            assertEquals(200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Length").isEmpty(), "streamed, no Content-Length");
            assertTrue(answer.headers().firstValue("ETag").isPresent());
            assertEquals(data, TestModels.parse(answer.body(), List.<QName>of(QkdNode.QNAME), encoding));

            final HttpResponse<String> head = gateway.send("HEAD", gateway.data(TestModels.nodePath()), null,
                "Accept", encoding.mediaType());
            assertEquals(200, head.statusCode());
            assertEquals(answer.body().getBytes(StandardCharsets.UTF_8).length,
                Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow()));
            assertEquals(answer.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        }
    }
}
