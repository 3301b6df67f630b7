package org.sdqkd.netconf.server.testing;

import static org.sdqkd.netconf.server.testing.Replies.child;
import static org.sdqkd.netconf.server.testing.Replies.children;
import static org.sdqkd.netconf.server.testing.Replies.parse;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.SourceInfo;
import org.opendaylight.yangtools.yang.model.spi.source.SourceInfo.ExtractorException;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.opendaylight.yangtools.yang.parser.rfc7950.repo.TextToIRTransformer;
import org.w3c.dom.Element;

/**
 * What a client that builds its schema from the agent (OpenDaylight's NETCONF connector) sees: the modules the hello
 * announces, the schemas {@code /netconf-state/schemas} lists, their text from get-schema (RFC 6022), and that text
 * parsed with yangtools.
 */
public final class ServedSchemas {
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";

    /**
     * A module or submodule as a capability or a schema entry names it.
     *
     * @param name      the module's name
     * @param revision  its revision, {@code ""} for none
     * @param namespace its namespace (for a schema entry of a submodule, its module's)
     */
    public record Schema(String name, String revision, String namespace) {
        /** {@code name@revision}, as OpenDaylight reports an unavailable capability. */
        @Override
        public String toString() {
            return revision.isEmpty() ? name : name + "@" + revision;
        }
    }

    private ServedSchemas() {
        // static only
    }

    /** The {@code module=} capabilities of a hello (RFC 6020 section 5.6.4), in the hello's order. */
    public static Set<Schema> moduleCapabilities(final Iterable<URI> capabilities) {
        final Set<Schema> modules = new LinkedHashSet<>();
        for (URI capability : capabilities) {
            final String text = capability.toString();
            final int query = text.indexOf('?');
            if (query < 0) {
                continue;
            }
            final Map<String, String> params = new LinkedHashMap<>();
            for (String param : text.substring(query + 1).split("&")) {
                final int eq = param.indexOf('=');
                if (eq > 0) {
                    params.put(param.substring(0, eq),
                        URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            final String module = params.get("module");
            if (module != null) {
                modules.add(new Schema(module, params.getOrDefault("revision", ""), text.substring(0, query)));
            }
        }
        return modules;
    }

    /** The entries of {@code /netconf-state/schemas} in format yang. */
    public static Set<Schema> listed(final RawNetconf session) throws IOException {
        final String reply = session.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
            + "'><schemas/></netconf-state></filter></get>");
        final Element schemas = child(child(child(parse(reply), "data").orElseThrow(), "netconf-state")
            .orElseThrow(), "schemas").orElseThrow();
        final Set<Schema> listed = new LinkedHashSet<>();
        for (Element schema : children(schemas)) {
            if ("yang".equals(text(schema, "format").replaceFirst("^.*:", ""))) {
                listed.add(new Schema(text(schema, "identifier"), text(schema, "version"),
                    text(schema, "namespace")));
            }
        }
        return listed;
    }

    private static String text(final Element parent, final String name) {
        return child(parent, name).map(Element::getTextContent).orElse("");
    }

    /**
     * The text get-schema answers for a module or submodule at a revision.
     *
     * @return the YANG text, or empty when the agent answers an rpc-error
     */
    public static Optional<String> text(final RawNetconf session, final Schema schema) throws IOException {
        final String reply = session.rpc("<get-schema xmlns='" + MONITORING + "'><identifier>" + schema.name()
            + "</identifier><version>" + schema.revision() + "</version><format>yang</format></get-schema>");
        return child(parse(reply), "data").map(Element::getTextContent);
    }

    /**
     * The name and revision a YANG text declares, read by yangtools' parser (a syntax error fails).
     *
     * @param text the YANG text of a module or submodule
     * @return its name and latest revision, as a source identifier
     */
    public static SourceIdentifier declared(final String text) throws IOException, YangParserException,
            ExtractorException {
        final SourceInfo info = TextToIRTransformer.transformText(
            new StringYangTextSource(new SourceIdentifier("served"), text)).extractSourceInfo();
        return info.sourceId();
    }

    /**
     * Builds one effective model from texts, as a client does from what it fetched: every import and include must be
     * among them.
     */
    public static EffectiveModelContext parseAll(final Map<Schema, String> texts) throws IOException,
            YangParserException {
        final YangParser parser = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT);
        final List<StringYangTextSource> sources = new ArrayList<>();
        texts.forEach((schema, text) -> sources.add(new StringYangTextSource(
            new SourceIdentifier(schema.name(), schema.revision().isEmpty() ? null : Revision.of(schema.revision())),
            text)));
        return parser.addSources(sources).buildEffectiveModel();
    }
}
