package org.sdqkd.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.UsesNode;
import org.opendaylight.yangtools.yang.model.api.source.SourceRepresentation;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.api.stmt.WhenEffectiveStatement;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.slf4j.LoggerFactory;

class YangtoolsParseTest {
    private static final String ETSI_NS = "urn:etsi:qkd:yang:etsi-qkd-node";

    /** Module name to namespace, for every module the project ships. */
    private static final Map<String, String> NAMESPACES = Map.of(
        "etsi-qkd-sdn-node", ETSI_NS,
        "etsi-qkd-node-types", "urn:etsi:qkd:yang:etsi-qkd-node-types",
        "ietf-pot-profile", "urn:ietf:params:xml:ns:yang:ietf-pot-profile",
        "sdqkd-types", "urn:sdqkd:yang:sdqkd-types",
        "sdqkd-network", "urn:sdqkd:yang:sdqkd-network",
        "sdqkd-key-association", "urn:sdqkd:yang:sdqkd-key-association",
        "sdqkd-opot", "urn:sdqkd:yang:sdqkd-opot",
        "sdqkd-ssh-qkd", "urn:sdqkd:yang:sdqkd-ssh-qkd",
        "sdqkd-qkd-node", "urn:sdqkd:yang:sdqkd-qkd-node",
        "sdqkd-routing", "urn:sdqkd:yang:sdqkd-routing");

    @Test
    void everyModuleParsesWithoutWarnings() throws Exception {
        final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        final EffectiveModelContext context;
        try {
            context = parse();
        } finally {
            root.detachAppender(appender);
        }
        final List<String> warnings = appender.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
        assertEquals(List.of(), warnings, "yangtools logged warnings while parsing the models");

        final Map<String, String> parsed = context.getModules().stream()
            .collect(Collectors.toMap(Module::getName, m -> m.getNamespace().toString()));
        NAMESPACES.forEach((name, ns) -> assertEquals(ns, parsed.get(name), "namespace of " + name));
        assertEquals(NAMESPACES.size() + ModelFiles.IETF_MODULES.size(), context.getModules().size(),
            "unexpected modules: " + parsed.keySet());
    }

    @Test
    void projectModulesFollowTheFileNamingConvention() {
        for (Path file : ModelFiles.projectModules()) {
            final String name = file.getFileName().toString();
            assertTrue(name.matches("[a-z0-9-]+@\\d{4}-\\d{2}-\\d{2}\\.yang"), name);
        }
        assertEquals(NAMESPACES.size(), ModelFiles.projectModules().size());
    }

    @Test
    void etsiWhenConditionsCompareWithPrefixedIdentities() throws Exception {
        final EffectiveModelContext context = parse();
        final Module etsi = context.findModules(XMLNamespace.of(ETSI_NS)).iterator().next();
        final QName qkdNode = QName.create(etsi.getQNameModule(), "qkd_node");
        assertEquals("qkdl_type = 'etsi-qkdn-types:VIRT'", whenOfUses(context, qkdNode, "virtual_link_spec"));
        assertEquals("qkdl_type = 'etsi-qkdn-types:PHYS'", whenOfUses(context, qkdNode, "physical_link_spec"));
        assertEquals("../qkdl_type = 'etsi-qkdn-types:PHYS'",
            whenOfUses(context, qkdNode, "physical_link_perf", "qkdl_performance"));
    }

    /** The text of the when statement on the {@code uses} of a grouping below {@code qkd_link}. */
    private static String whenOfUses(final EffectiveModelContext context, final QName qkdNode, final String grouping,
            final String... below) {
        final List<QName> path = new ArrayList<>();
        path.add(qkdNode);
        path.add(QName.create(qkdNode, "qkd_links"));
        path.add(QName.create(qkdNode, "qkd_link"));
        for (String name : below) {
            path.add(QName.create(qkdNode, name));
        }
        final var parent = (DataNodeContainer) context.findSchemaTreeNode(Absolute.of(path)).orElseThrow();
        final UsesNode uses = parent.getUses().stream()
            .filter(u -> u.getSourceGrouping().getQName().getLocalName().equals(grouping))
            .findFirst().orElseThrow();
        return uses.asEffectiveStatement().findFirstEffectiveSubstatement(WhenEffectiveStatement.class)
            .orElseThrow().getDeclared().rawArgument();
    }

    static EffectiveModelContext parse() throws Exception {
        final YangParserFactory factory = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow();
        final List<SourceRepresentation> sources = new ArrayList<>();
        for (Path file : ModelFiles.projectModules()) {
            sources.add(new FileYangTextSource(file));
        }
        for (String ietf : ModelFiles.IETF_MODULES) {
            sources.add(new URLYangTextSource(ModelFiles.ietfModule(ietf)));
        }
        return factory.createParser(YangParserConfiguration.DEFAULT).addSources(sources).buildEffectiveModel();
    }
}
