package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.ValidationError;

class StructureValidatorTest {
    private static final String NS = "urn:test:structure";
    private static EffectiveModelContext context;
    private static YangInstanceDocuments codec;
    private static DataTreeValidator validator;

    @BeforeAll
    static void parseModel() throws Exception {
        context = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(new URLYangTextSource(
                StructureValidatorTest.class.getResource("/structure/structure-test.yang")))
            .buildEffectiveModel();
        codec = new YangInstanceDocuments(context);
        validator = new DataTreeValidator(context);
    }

    @Test
    void acceptsCompleteData() throws Exception {
        assertEquals(List.of(), errors(top("<name>n</name><inner><size>1</size></inner><round/>"
            + "<item><id>1</id></item>")));
    }

    @Test
    void reportsEveryMissingMandatoryNodeWithItsPath() throws Exception {
        final List<ValidationError> errors = errors(top("<kind>plain</kind>"));
        assertEquals(List.of(
            "/structure-test:top/name",
            "/structure-test:top/inner/size",
            "/structure-test:top",
            "/structure-test:top/item"), errors.stream().map(ValidationError::path).toList());
        assertEquals("missing-choice", errors.get(2).appTag().orElseThrow());
        assertEquals("too-few-elements", errors.get(3).appTag().orElseThrow());
    }

    @Test
    void requiresNodesUnderWhenConditionsOnlyWhenTheyHold() throws Exception {
        final String rest = "<inner><size>1</size></inner><square/><item><id>1</id></item>";
        // colour (uses ... when), gated (own when) and extra (augment ... when) are absent in all four
        assertEquals(List.of(), errors(top("<name>n</name><kind>plain</kind>" + rest)));
        assertEquals(List.of("/structure-test:top/colour"),
            paths(errors(top("<name>n</name><kind>physical</kind>" + rest))));
        assertEquals(List.of("/structure-test:top/gated"),
            paths(errors(top("<name>n</name><kind>gated</kind>" + rest))));
        assertEquals(List.of("/structure-test:top/inner/extra"),
            paths(errors(top("<name>n</name><kind>augmented</kind>" + rest))));
    }

    @Test
    void rejectsNodesWhoseWhenIsFalse() throws Exception {
        final String rest = "<inner><size>1</size><extra>e</extra></inner><square/><item><id>1</id></item>";
        final List<ValidationError> errors = errors(top("<name>n</name><kind>plain</kind><colour>red</colour>"
            + "<gated>g</gated>" + rest));
        assertEquals(List.of("/structure-test:top/colour", "/structure-test:top/gated",
                "/structure-test:top/inner/extra"),
            paths(errors).stream().sorted().toList());
        assertTrue(errors.get(0).message().contains("when condition"), errors.get(0).message());
    }

    private static List<String> paths(final List<ValidationError> errors) {
        return errors.stream().map(ValidationError::path).toList();
    }

    @Test
    void requiresTopLevelContainerContentOnlyWhenTheModuleHasData() throws Exception {
        final List<ValidationError> errors = errors("<other xmlns=\"" + NS + "\"><need>x</need></other>");
        assertEquals(List.of("/structure-test:top/name", "/structure-test:top/inner/size", "/structure-test:top",
            "/structure-test:top/item"), errors.stream().map(ValidationError::path).toList());
        assertEquals(List.of(), validator.validate(codec.read(new StringReader(""), DocumentFormat.XML)).errors());
    }

    @Test
    void checksMaxElementsAndUnique() throws Exception {
        final List<ValidationError> errors = errors(top("<name>n</name><inner><size>1</size></inner><round/>"
            + "<item><id>1</id><a>x</a><b>y</b></item>"
            + "<item><id>2</id><a>x</a></item>"
            + "<item><id>3</id><a>x</a><b>y</b></item>"
            + "<item><id>4</id></item>"));
        assertEquals(List.of("too-many-elements", "data-not-unique"),
            errors.stream().map(e -> e.appTag().orElseThrow()).toList());
    }

    @Test
    void checksIdentityBases() throws Exception {
        final String base = "<name>n</name><inner><size>1</size></inner><round/><item><id>1</id></item>";
        assertEquals(List.of(), errors(top(base + "<pet xmlns:st=\"" + NS + "\">st:dog</pet>")));
        for (String wrong : List.of("st:rock", "st:animal")) {
            final List<ValidationError> errors = errors(top(base + "<pet xmlns:st=\"" + NS + "\">" + wrong + "</pet>"));
            assertEquals(List.of("/structure-test:top/pet"), errors.stream().map(ValidationError::path).toList());
        }
    }

    @Test
    void checksValuesWrittenWithoutAParser() throws Exception {
        final ContainerNode root = codec.read(new StringReader(top("<name>n</name><inner><size>1</size></inner>"
            + "<round/><item><id>1</id></item>")), DocumentFormat.XML);
        final ContainerNode topNode = (ContainerNode) root.body().iterator().next();
        final QName percent = QName.create(NS, "percent");
        final QName code = QName.create(NS, "code");
        final ContainerNode edited = ImmutableNodes.newContainerBuilder().withNodeIdentifier(topNode.name())
            .withValue(topNode.body())
            .withChild(ImmutableNodes.leafNode(percent, Uint8.valueOf(150)))
            .withChild(ImmutableNodes.leafNode(code, "abc"))
            .build();
        final ContainerNode data = ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name())
            .withChild(edited).build();
        final List<ValidationError> errors = validator.validate(data).errors();
        assertEquals(List.of("/structure-test:top/code", "/structure-test:top/percent"),
            paths(errors).stream().sorted().toList());
        assertTrue(errors.stream().allMatch(e -> e.tag().elementBody().equals("invalid-value")), errors.toString());
    }

    private static String top(final String content) {
        return "<top xmlns=\"" + NS + "\">" + content + "</top>";
    }

    private static List<ValidationError> errors(final String xml) throws Exception {
        return validator.validate(codec.read(new StringReader(xml), DocumentFormat.XML)).errors();
    }

}
