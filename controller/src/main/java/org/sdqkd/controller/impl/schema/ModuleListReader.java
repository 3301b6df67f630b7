package org.sdqkd.controller.impl.schema;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.NetconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.Yang;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.Schemas;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.netconf.state.schemas.Schema;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.ModulesState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.RevisionIdentifier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.module.list.CommonLeafs;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.module.list.Module;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.module.set.parameters.ImportOnlyModule;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.ModuleSet;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.YangIdentifier;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the list of modules a device implements, from the first source that answers: its YANG library (RFC 8525
 * {@code yang-library}, else RFC 7895 {@code modules-state}), else {@code ietf-netconf-monitoring}'s
 * {@code netconf-state/schemas} (RFC 6022, schemas in format yang), else its hello's module capabilities.
 */
public final class ModuleListReader {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleListReader.class);
    private static final String LIBRARY_CAPABILITY = "urn:ietf:params:netconf:capability:yang-library:";
    /** The name of the module of RFC 8525 (and RFC 7895), from its bindings. */
    private static final String LIBRARY_MODULE = BindingRuntimeHelpers.getYangModuleInfo(YangLibrary.class).getName()
        .getLocalName();
    /** The name of the module of RFC 6022, from its bindings. */
    private static final String MONITORING_MODULE = BindingRuntimeHelpers.getYangModuleInfo(NetconfState.class)
        .getName().getLocalName();
    private static final YangInstanceIdentifier YANG_LIBRARY = YangInstanceIdentifier.of(YangLibrary.QNAME);
    private static final YangInstanceIdentifier MODULES_STATE = YangInstanceIdentifier.of(ModulesState.QNAME);
    private static final YangInstanceIdentifier SCHEMAS = YangInstanceIdentifier.of(NetconfState.QNAME,
        Schemas.QNAME);

    private final LibraryBindings bindings;
    private final Duration timeout;

    /**
     * A reader.
     *
     * @param bindings the bindings of the library models
     * @param timeout  how long to wait for each reply
     */
    public ModuleListReader(final LibraryBindings bindings, final Duration timeout) {
        this.bindings = bindings;
        this.timeout = timeout;
    }

    /**
     * Reads the device's modules. Blocks for up to three replies.
     *
     * @param session the session to the device
     * @return the modules and where they were read
     * @throws InterruptedException when interrupted while waiting
     */
    public DeviceModules read(final NetconfSession session) throws InterruptedException {
        final Set<URI> capabilities = session.serverCapabilities();
        final List<ModuleRef> hello = HelloModules.of(capabilities);
        final boolean library = capabilities.stream().anyMatch(uri -> uri.toString().startsWith(LIBRARY_CAPABILITY))
            || hello.stream().anyMatch(module -> module.name().equals(LIBRARY_MODULE));
        if (library) {
            final Optional<List<ModuleRef>> fromLibrary = ask(session, YANG_LIBRARY, YangLibrary.class)
                .map(ModuleListReader::modules).filter(list -> !list.isEmpty());
            if (fromLibrary.isPresent()) {
                return new DeviceModules(fromLibrary.orElseThrow(), "ietf-yang-library");
            }
            final Optional<List<ModuleRef>> fromState = ask(session, MODULES_STATE, ModulesState.class)
                .map(ModuleListReader::modules).filter(list -> !list.isEmpty());
            if (fromState.isPresent()) {
                return new DeviceModules(fromState.orElseThrow(), "modules-state");
            }
        }
        if (hello.stream().anyMatch(module -> module.name().equals(MONITORING_MODULE))) {
            final Optional<List<ModuleRef>> fromSchemas = ask(session, SCHEMAS, Schemas.class)
                .map(schemas -> modules(schemas, capabilities)).filter(list -> !list.isEmpty());
            if (fromSchemas.isPresent()) {
                return new DeviceModules(fromSchemas.orElseThrow(), "ietf-netconf-monitoring");
            }
        }
        return new DeviceModules(hello, "hello");
    }

    private <T extends DataObject> Optional<T> ask(final NetconfSession session,
            final YangInstanceIdentifier path, final Class<T> type) throws InterruptedException {
        try {
            final List<XmlElement> data = new NetconfOperations(session).get(filter(path))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return bindings.decode(data, path, type);
        } catch (ExecutionException | TimeoutException | IOException e) {
            LOG.debug("session {}: no {} ({})", session.sessionId(), path, e.getMessage());
            return Optional.empty();
        }
    }

    /** A subtree filter selecting the node at a path, written by the XML codec. */
    Filter filter(final YangInstanceIdentifier path) throws IOException {
        final Element holder = ModelXml.newElement(QName.create(NetconfMessage.NAMESPACE, "filter"));
        bindings.xml().writeAt(holder, path, null);
        final List<XmlElement> content = new ArrayList<>();
        for (Node child = holder.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                content.add(XmlElement.of(element));
            }
        }
        return new Filter.Subtree(content);
    }

    private static List<ModuleRef> modules(final YangLibrary library) {
        final List<ModuleRef> modules = new ArrayList<>();
        for (ModuleSet set : library.nonnullModuleSet().values()) {
            for (var module : set.nonnullModule().values()) {
                modules.add(new ModuleRef(module.requireName().getValue(), revision(module.getRevision()),
                    Optional.of(names(module.getFeature()))));
                for (var submodule : module.nonnullSubmodule().values()) {
                    modules.add(new ModuleRef(submodule.requireName().getValue(), revision(submodule.getRevision()),
                        Optional.empty()));
                }
            }
            for (ImportOnlyModule module : set.nonnullImportOnlyModule().values()) {
                modules.add(new ModuleRef(module.requireName().getValue(), Optional.ofNullable(module.getRevision())
                    .map(ImportOnlyModule.Revision::getRevisionIdentifier).flatMap(ModuleListReader::revision),
                    Optional.empty()));
                for (var submodule : module.nonnullSubmodule().values()) {
                    modules.add(new ModuleRef(submodule.requireName().getValue(), revision(submodule.getRevision()),
                        Optional.empty()));
                }
            }
        }
        return modules;
    }

    private static List<ModuleRef> modules(final ModulesState state) {
        final List<ModuleRef> modules = new ArrayList<>();
        for (Module module : state.nonnullModule().values()) {
            modules.add(new ModuleRef(module.requireName().getValue(), revision(module.getRevision()),
                Optional.of(names(module.getFeature()))));
            for (var deviation : module.nonnullDeviation().values()) {
                modules.add(new ModuleRef(deviation.requireName().getValue(), revision(deviation.getRevision()),
                    Optional.empty()));
            }
            for (var submodule : module.nonnullSubmodule().values()) {
                modules.add(new ModuleRef(submodule.requireName().getValue(), revision(submodule.getRevision()),
                    Optional.empty()));
            }
        }
        return modules;
    }

    private static List<ModuleRef> modules(final Schemas schemas, final Set<URI> capabilities) {
        final List<ModuleRef> modules = new ArrayList<>();
        for (Schema schema : schemas.nonnullSchema().values()) {
            if (schema.getFormat() != null && Yang.class.equals(schema.getFormat().implementedInterface())) {
                final String name = schema.getIdentifier();
                modules.add(new ModuleRef(name, revision(schema.getVersion()),
                    HelloModules.featuresOf(capabilities, name)));
            }
        }
        return modules;
    }

    private static Set<String> names(final Set<YangIdentifier> identifiers) {
        return identifiers == null ? Set.of() : identifiers.stream().map(YangIdentifier::getValue)
            .collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<Revision> revision(final CommonLeafs.Revision revision) {
        return revision == null ? Optional.empty()
            : Optional.ofNullable(revision.getRevisionIdentifier()).flatMap(ModuleListReader::revision);
    }

    private static Optional<Revision> revision(final RevisionIdentifier revision) {
        return revision == null ? Optional.empty() : revision(revision.getValue());
    }

    private static Optional<Revision> revision(final String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Revision.of(text));
    }
}
