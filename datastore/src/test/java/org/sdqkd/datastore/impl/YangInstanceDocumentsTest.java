package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.yang.ModelFiles;

class YangInstanceDocumentsTest {
    private static final YangInstanceDocuments CODEC = new YangInstanceDocuments(YangModels.projectModels());

    static List<String> exampleNames() {
        return ModelFiles.validExamples().stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".xml"))
            .map(n -> n.substring(0, n.length() - ".xml".length()))
            .toList();
    }

    @ParameterizedTest
    @MethodSource("exampleNames")
    void exampleRoundTripsThroughJsonWithoutLoss(final String name) throws Exception {
        final Path dir = ModelFiles.examplesDir().resolve("valid");
        final ContainerNode fromXml = read(Files.readString(dir.resolve(name + ".xml")), DocumentFormat.XML);
        final ContainerNode fromJson = read(Files.readString(dir.resolve(name + ".json")), DocumentFormat.JSON);
        assertEquals(fromXml, fromJson, "the XML and JSON examples carry different data");
        assertTrue(fromXml.size() >= 1);

        final String json = write(fromXml, DocumentFormat.JSON);
        final ContainerNode viaJson = read(json, DocumentFormat.JSON);
        assertEquals(fromXml, viaJson, "XML -> JSON lost data:\n" + json);

        final String xml = write(viaJson, DocumentFormat.XML);
        final ContainerNode back = read(xml, DocumentFormat.XML);
        assertEquals(fromXml, back, "JSON -> XML lost data:\n" + xml);
        assertEquals(xml, write(back, DocumentFormat.XML), "XML output is not stable");
    }

    @Test
    void readsSeveralTopLevelNodesInXmlAndJson() throws Exception {
        final ContainerNode xml = read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ssh-qkd xmlns="urn:sdqkd:yang:sdqkd-ssh-qkd"><policy>off</policy></ssh-qkd>
            <network xmlns="urn:sdqkd:yang:sdqkd-network"/>
            """, DocumentFormat.XML);
        assertEquals(2, xml.size());
        final ContainerNode json = read("""
            {"sdqkd-ssh-qkd:ssh-qkd": {"policy": "off"}, "sdqkd-network:network": {}}
            """, DocumentFormat.JSON);
        assertEquals(xml, json);
    }

    @Test
    void refusesDoctypeAndEntities() {
        final ValidationError error = failure("""
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <ssh-qkd xmlns="urn:sdqkd:yang:sdqkd-ssh-qkd"><policy>&lol2;</policy></ssh-qkd>
            """, DocumentFormat.XML);
        assertEquals(ErrorTag.MALFORMED_MESSAGE, error.tag());
    }

    @Test
    void namesPathAndLineOfAValueOutOfRange() {
        final ValidationError error = failure("""
            <ssh-qkd xmlns="urn:sdqkd:yang:sdqkd-ssh-qkd">
              <kme>
                <timeout>5</timeout>
              </kme>
            </ssh-qkd>
            """, DocumentFormat.XML);
        assertEquals(ErrorTag.INVALID_VALUE, error.tag());
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/kme/timeout", error.path());
        assertTrue(error.message().contains("(line 3)"), error.message());
    }

    @Test
    void namesUnknownElementAndUnknownNamespace() {
        final ValidationError element = failure("""
            <ssh-qkd xmlns="urn:sdqkd:yang:sdqkd-ssh-qkd"><colour>red</colour></ssh-qkd>""", DocumentFormat.XML);
        assertEquals(ErrorTag.UNKNOWN_ELEMENT, element.tag());
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/colour", element.path());

        final ValidationError namespace = failure("<thing xmlns=\"urn:example:none\"/>", DocumentFormat.XML);
        assertEquals(ErrorTag.UNKNOWN_NAMESPACE, namespace.tag());
        assertEquals("/thing", namespace.path());

        final ValidationError member = failure("""
            {"sdqkd-ssh-qkd:ssh-qkd": {"colour": "red"}}""", DocumentFormat.JSON);
        assertEquals(ErrorTag.UNKNOWN_ELEMENT, member.tag());
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/colour", member.path());
    }

    @Test
    void namesListEntryKeysInJsonPaths() {
        final ValidationError error = failure("""
            {"sdqkd-ssh-qkd:ssh-qkd": {"peer": [{"sae-id": "a"}, {"sae-id": "b", "colour": "red"}]}}""",
            DocumentFormat.JSON);
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/peer[sae-id='b']/colour", error.path());
        assertEquals(ErrorTag.UNKNOWN_ELEMENT, error.tag());

        final ValidationError range = failure("""
            {"sdqkd-ssh-qkd:ssh-qkd": {"peer": [{"sae-id": "a"}], "rekey": {"max-time": 5}}}""",
            DocumentFormat.JSON);
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/rekey/max-time", range.path());
        assertEquals(ErrorTag.INVALID_VALUE, range.tag());
    }

    @Test
    void refusesDuplicateListEntries() {
        final String peers = "<peer><sae-id>a</sae-id></peer><peer><sae-id>b</sae-id></peer>"
            + "<peer><sae-id>a</sae-id></peer>";
        final ValidationError xml = failure("<ssh-qkd xmlns=\"urn:sdqkd:yang:sdqkd-ssh-qkd\">" + peers + "</ssh-qkd>",
            DocumentFormat.XML);
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/peer[sae-id='a']", xml.path());
        assertEquals(ErrorTag.BAD_ELEMENT, xml.tag());
        final ValidationError json = failure("""
            {"sdqkd-ssh-qkd:ssh-qkd": {"method": ["x25519-qkd", "x25519-qkd"]}}""", DocumentFormat.JSON);
        assertEquals("/sdqkd-ssh-qkd:ssh-qkd/method[.='x25519-qkd']", json.path());
    }

    @Test
    void refusesMalformedJsonStrictly() {
        for (String text : List.of("{\"sdqkd-ssh-qkd:ssh-qkd\": {policy: off}}", "{\"a\": 1} trailing", "[1, 2]",
                "{\"sdqkd-ssh-qkd:ssh-qkd\": {")) {
            assertEquals(ErrorTag.MALFORMED_MESSAGE, failure(text, DocumentFormat.JSON).tag(), text);
        }
    }

    @Test
    void refusesTruncatedXml() {
        final ValidationError error = failure("<ssh-qkd xmlns=\"urn:sdqkd:yang:sdqkd-ssh-qkd\"><policy>off",
            DocumentFormat.XML);
        assertEquals(ErrorTag.MALFORMED_MESSAGE, error.tag());
    }

    private static ValidationError failure(final String text, final DocumentFormat format) {
        return assertThrows(DocumentException.class, () -> read(text, format)).error();
    }

    private static ContainerNode read(final String text, final DocumentFormat format)
            throws DocumentException, IOException {
        return CODEC.read(new StringReader(text), format);
    }

    private static String write(final ContainerNode root, final DocumentFormat format) throws IOException {
        final StringWriter out = new StringWriter();
        CODEC.write(root, format, out);
        return out.toString();
    }

}
