package org.sdqkd.netconf.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.XmlParseException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

class SafeXmlTest {
    private static final SafeXml XML = SafeXml.of(new XmlLimits(64, 1 << 20));

    @Test
    void refusesBillionLaughsQuickly() {
        final String laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <lolz>&lol9;</lolz>
            """;
        final XmlParseException failure = assertTimeoutPreemptively(Duration.ofSeconds(2),
            () -> assertThrows(XmlParseException.class, () -> XML.parse(utf8(laughs))));
        assertEquals(Reason.DTD_REFUSED, failure.reason());
        assertEquals(ErrorType.RPC, failure.errorType());
        assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag());
    }

    @Test
    void neverReadsExternalEntities(@TempDir final Path dir) throws IOException {
        final Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        final String xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE data [<!ENTITY xxe SYSTEM "%s">]>
            <data>&xxe;</data>
            """.formatted(secret.toUri());
        assertEquals(Reason.DTD_REFUSED, assertThrows(XmlParseException.class, () -> XML.parse(utf8(xxe))).reason());
        final String external = "<!DOCTYPE data SYSTEM \"" + secret.toUri() + "\"><data/>";
        assertEquals(Reason.DTD_REFUSED, assertThrows(XmlParseException.class,
            () -> XML.parse(utf8(external))).reason());
        final String parameter = "<!DOCTYPE d [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]><d/>";
        assertTrue(assertThrows(XmlParseException.class, () -> XML.parse(utf8(parameter))).getMessage()
            .contains("DTD"));
    }

    @Test
    void refusesUndeclaredEntitiesAsNotWellFormed() {
        final XmlParseException failure = assertThrows(XmlParseException.class,
            () -> XML.parse(utf8("<a>&undeclared;</a>")));
        assertEquals(Reason.NOT_WELL_FORMED, failure.reason());
    }

    @Test
    void neverProcessesXInclude(@TempDir final Path dir) throws Exception {
        final Path included = Files.writeString(dir.resolve("included.xml"), "<secret>top secret</secret>");
        final Document document = XML.parse(utf8("""
            <data xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="%s"/></data>
            """.formatted(included.toUri())));
        final Element include = (Element) document.getDocumentElement().getFirstChild();
        assertEquals("include", include.getLocalName());
        assertEquals("", include.getTextContent());
        assertEquals(-1, document.getDocumentElement().getTextContent().indexOf("top secret"));
    }

    @Test
    void refusesDeepNestingQuickly() {
        final int depth = 1_000_000;
        final String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        final long start = System.nanoTime();
        final XmlParseException failure = assertThrows(XmlParseException.class,
            () -> SafeXml.of(new XmlLimits(100, 16 << 20)).parse(utf8(deep)));
        assertEquals(Reason.TOO_DEEP, failure.reason(), failure.getMessage());
        assertEquals(ErrorTag.TOO_BIG, failure.errorTag());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused without reading the whole document");
    }

    @Test
    void acceptsNestingExactlyAtTheLimit() throws XmlParseException {
        final SafeXml xml = SafeXml.of(new XmlLimits(3, 1000));
        assertEquals("c", xml.parse(utf8("<a><b><c>c</c></b><b/></a>")).getDocumentElement().getTextContent());
        assertEquals(Reason.TOO_DEEP, assertThrows(XmlParseException.class,
            () -> xml.parse(utf8("<a><b><c><d/></c></b></a>"))).reason());
    }

    @Test
    void refusesDocumentsAboveTheSizeLimit() throws Exception {
        final SafeXml xml = SafeXml.of(new XmlLimits(10, 20));
        final byte[] atLimit = utf8("<a>" + "x".repeat(13) + "</a>");
        assertEquals(20, atLimit.length);
        xml.parse(atLimit);
        xml.parse(new ByteArrayInputStream(atLimit));
        final byte[] above = utf8("<a>" + "x".repeat(14) + "</a>");
        assertEquals(Reason.TOO_BIG, assertThrows(XmlParseException.class, () -> xml.parse(above)).reason());
        assertEquals(Reason.TOO_BIG, assertThrows(XmlParseException.class,
            () -> xml.parse(new ByteArrayInputStream(above))).reason());
    }

    @Test
    void parsesAStreamWhileItIsReadAndStopsReadingAtTheSizeLimit() throws Exception {
        // a stream that gives a few bytes per read, as a network does, parses to the same document
        final byte[] document = utf8("<a xmlns=\"urn:x\"><b>one</b><b>two &amp; three</b></a>");
        final Document parsed = XML.parse(new ByteArrayInputStream(document) {
            @Override
            public synchronized int read(final byte[] bytes, final int offset, final int length) {
                return super.read(bytes, offset, Math.min(length, 3));
            }
        });
        assertEquals("onetwo & three", parsed.getDocumentElement().getTextContent());
        // an endless document is refused once it passes the limit, after reading no more than the limit and a byte
        final long[] read = new long[1];
        final InputStream endless = new InputStream() {
            @Override
            public int read() {
                final byte[] one = new byte[1];
                read(one, 0, 1);
                return one[0];
            }

            @Override
            public int read(final byte[] bytes, final int offset, final int length) {
                for (int i = 0; i < length; i++) {
                    bytes[offset + i] = read[0] + i == 0 ? (byte) '<' : read[0] + i == 1 ? (byte) 'a'
                        : read[0] + i == 2 ? (byte) '>' : (byte) 'x';
                }
                read[0] += length;
                return length;
            }
        };
        final XmlParseException failure = assertThrows(XmlParseException.class,
            () -> SafeXml.of(new XmlLimits(10, 10_000)).parse(endless));
        assertEquals(Reason.TOO_BIG, failure.reason(), failure.getMessage());
        assertEquals(10_001, read[0]);
    }

    @Test
    void passesOnTheFailureOfTheStreamNotAParseError() {
        final IOException broken = new IOException("connection reset");
        final InputStream failing = new SequenceInputStream(new ByteArrayInputStream(utf8("<a><b>")),
            new InputStream() {
                @Override
                public int read() throws IOException {
                    throw broken;
                }
            });
        assertEquals(broken, assertThrows(IOException.class, () -> XML.parse(failing)));
    }

    @Test
    void refusesMalformedDocuments() {
        for (String bad : new String[] {"", "<a>", "<a></b>", "<a/><b/>", "text", "<a x='1' x='2'/>", "<p:a/>"}) {
            assertEquals(Reason.NOT_WELL_FORMED, assertThrows(XmlParseException.class,
                () -> XML.parse(utf8(bad)), bad).reason(), bad);
        }
    }

    @Test
    void keepsNamespacesAttributesAndText() throws XmlParseException {
        final Element root = XML.parse(utf8("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment --><a xmlns="urn:a" xmlns:b="urn:b" b:at="1" plain="2"><b:c><![CDATA[<x>]]> &amp; y</b:c></a>
            """)).getDocumentElement();
        assertEquals("urn:a", root.getNamespaceURI());
        assertEquals("1", root.getAttributeNS("urn:b", "at"));
        assertEquals("2", root.getAttributeNS(null, "plain"));
        final Element child = (Element) root.getFirstChild();
        assertEquals("urn:b", child.getNamespaceURI());
        assertEquals("b", child.getPrefix());
        assertEquals("<x> & y", child.getTextContent());
    }

    @Test
    void streamReaderRefusesDtdsWithTheTypedCause() throws XmlParseException {
        final XMLStreamReader reader = XML.newStreamReader(utf8("<!DOCTYPE a [<!ENTITY e \"e\">]><a>&e;</a>"));
        final XMLStreamException failure = assertThrows(XMLStreamException.class, () -> {
            while (reader.hasNext()) {
                reader.next();
            }
        });
        assertEquals(Reason.DTD_REFUSED, assertInstanceOf(XmlParseException.class, failure.getCause()).reason());
    }

    @Test
    void streamReaderEnforcesTheDepthInNextTag() throws Exception {
        final XMLStreamReader reader = SafeXml.of(new XmlLimits(2, 100)).newStreamReader(utf8("<a> <b> <c/></b></a>"));
        reader.nextTag();
        reader.nextTag();
        final XMLStreamException failure = assertThrows(XMLStreamException.class, reader::nextTag);
        assertEquals(Reason.TOO_DEEP, assertInstanceOf(XmlParseException.class, failure.getCause()).reason());
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
