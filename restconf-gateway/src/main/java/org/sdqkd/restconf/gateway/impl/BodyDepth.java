package org.sdqkd.restconf.gateway.impl;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses request bodies nested deeper than a limit before any parser builds data from them: a streaming pass over
 * the JSON tokens (Gson's {@link JsonReader}) or the XML events (StAX) counts the open objects, arrays and elements
 * and stops at the first one past the limit. A body that is not well-formed is left to the real parser, which
 * reports it.
 */
final class BodyDepth {
    private final int maxDepth;
    private final XmlInput xml;

    /**
     * A depth check.
     *
     * @param maxDepth the deepest nesting accepted
     * @param xml      the XML readers (no DTDs)
     */
    BodyDepth(final int maxDepth, final XmlInput xml) {
        this.maxDepth = maxDepth;
        this.xml = xml;
    }

    /**
     * Checks a body by its declared media type; bodies of other types are not looked at.
     *
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param body        the body
     * @throws RestconfException 400 {@code malformed-message} when the body is nested too deep
     */
    void check(final String contentType, final byte[] body) throws RestconfException {
        if (contentType == null || body.length == 0) {
            return;
        }
        final String type = contentType.toLowerCase(Locale.ROOT);
        final int depth;
        if (type.contains("json")) {
            depth = jsonDepth(body);
        } else if (type.contains("xml")) {
            depth = xmlDepth(body);
        } else {
            return;
        }
        if (depth > maxDepth) {
            throw RestconfException.malformed("the body is nested deeper than " + maxDepth + " levels");
        }
    }

    private int jsonDepth(final byte[] body) {
        int depth = 0;
        try (JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8))) {
            while (true) {
                final JsonToken token = reader.peek();
                switch (token) {
                    case BEGIN_OBJECT -> {
                        reader.beginObject();
                        depth++;
                    }
                    case BEGIN_ARRAY -> {
                        reader.beginArray();
                        depth++;
                    }
                    case END_OBJECT -> {
                        reader.endObject();
                        depth--;
                    }
                    case END_ARRAY -> {
                        reader.endArray();
                        depth--;
                    }
                    case END_DOCUMENT -> {
                        return depth;
                    }
                    case NAME -> reader.nextName();
                    case STRING, NUMBER -> reader.nextString();
                    case BOOLEAN -> reader.nextBoolean();
                    case NULL -> reader.nextNull();
                }
                if (depth > maxDepth) {
                    return depth;
                }
            }
        } catch (IOException | IllegalStateException e) {
            // not well-formed: the parser reports it
            return depth;
        }
    }

    private int xmlDepth(final byte[] body) {
        int depth = 0;
        try {
            final XMLStreamReader reader = xml.reader(body);
            try {
                while (reader.hasNext()) {
                    final int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        depth++;
                        if (depth > maxDepth) {
                            return depth;
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // not well-formed: the parser reports it
            return depth;
        }
        return depth;
    }
}
