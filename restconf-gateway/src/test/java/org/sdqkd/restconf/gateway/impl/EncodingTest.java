package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Content negotiation (RFC 8040 section 5.2; RFC 7231 sections 3.1.1.5 and 5.3.2). */
final class EncodingTest {
    @Test
    void acceptChoosesTheHighestQuality() throws RestconfException {
        assertEquals(Encoding.JSON, Encoding.ofAccept(null));
        assertEquals(Encoding.JSON, Encoding.ofAccept("*/*"));
        assertEquals(Encoding.XML, Encoding.ofAccept("application/yang-data+xml"));
        assertEquals(Encoding.XML, Encoding.ofAccept("application/yang-data+json;q=0.5, application/yang-data+xml"));
        assertEquals(Encoding.JSON, Encoding.ofAccept("text/html, application/json;q=0.9"));
        assertEquals(406, assertThrows(RestconfException.class, () -> Encoding.ofAccept("text/html")).status());
        assertEquals(406, assertThrows(RestconfException.class,
            () -> Encoding.ofAccept("application/yang-data+xml;q=0")).status());
    }

    @Test
    void contentTypeNamesTheBodyEncoding() throws RestconfException {
        assertEquals(Encoding.JSON, Encoding.ofContentType("application/yang-data+json; charset=utf-8"));
        assertEquals(Encoding.XML, Encoding.ofContentType("Application/XML"));
        assertEquals(415, assertThrows(RestconfException.class, () -> Encoding.ofContentType("text/plain")).status());
        assertEquals(415, assertThrows(RestconfException.class, () -> Encoding.ofContentType(null)).status());
    }
}
