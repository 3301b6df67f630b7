package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.datastores.rev180214.Operational;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.datastores.rev180214.Running;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.RestconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.RestconfStateBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.restconf.state.CapabilitiesBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.RevisionIdentifier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibraryBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.module.set.parameters.ModuleBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.Datastore;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.DatastoreBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.ModuleSet;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.ModuleSetBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.Schema;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.yang.library.parameters.SchemaBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.YangIdentifier;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * The gateway's own state data, merged into what GET answers as operational data: the YANG library
 * ({@code ietf-yang-library:yang-library}, RFC 8525) of the served models, each module with a {@code location} URL
 * that serves its YANG text, and {@code ietf-restconf-monitoring:restconf-state} (RFC 8040 section 9.3) with the
 * capabilities the gateway announces and its event stream. Built with the generated bindings and turned into data by
 * the binding codec, once per RESTCONF root URL (the locations are absolute URLs).
 */
final class GatewayState {
    /** The name of the one module set and the one schema: every served module, in every datastore. */
    private static final String ALL = "all";

    private final EffectiveModelContext models;
    private final ModuleSources sources;
    private final List<String> capabilities;
    private final BindingDataCodec codec;
    private final NotificationStream stream;
    private final AtomicReference<Built> last = new AtomicReference<>();

    private record Built(String root, ContainerNode data) {
    }

    /**
     * The state of a gateway.
     *
     * @param models       the served models
     * @param sources      the YANG sources the locations serve
     * @param capabilities the capability URIs announced
     * @param stream       the event stream listed under {@code streams}
     */
    GatewayState(final EffectiveModelContext models, final ModuleSources sources, final List<String> capabilities,
            final NotificationStream stream) {
        this.models = requireNonNull(models);
        this.sources = requireNonNull(sources);
        this.capabilities = List.copyOf(capabilities);
        this.stream = requireNonNull(stream);
        this.codec = GatewayBindings.codec();
    }

    /**
     * The state data under the datastore root, for a RESTCONF root URL.
     *
     * @param restconfRoot the RESTCONF root as the client reached it, such as {@code http://127.0.0.1:8080/restconf}
     * @return a root container with {@code yang-library} and {@code restconf-state}
     */
    ContainerNode data(final String restconfRoot) {
        final Built built = last.get();
        if (built != null && built.root().equals(restconfRoot)) {
            return built.data();
        }
        final ContainerNode data = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .withChild(normalized(DataObjectIdentifier.builder(YangLibrary.class).build(), library(restconfRoot)))
            .withChild(normalized(DataObjectIdentifier.builder(RestconfState.class).build(), new RestconfStateBuilder()
                .setCapabilities(new CapabilitiesBuilder().setCapability(capabilities.stream().map(Uri::new)
                    .collect(Collectors.toCollection(LinkedHashSet::new))).build())
                .setStreams(StreamsState.streams(restconfRoot, stream))
                .build()))
            .build();
        last.set(new Built(restconfRoot, data));
        return data;
    }

    /**
     * The URL of a module's YANG text.
     *
     * @param restconfRoot the RESTCONF root URL
     * @param name         the module's name
     * @param revision     its revision, {@code ""} for none
     * @return {@code {root}/modules/name/revision}, without the last step when there is no revision
     */
    static String location(final String restconfRoot, final String name, final String revision) {
        return restconfRoot + "/" + SchemaResource.SEGMENT + "/" + name + (revision.isEmpty() ? "" : "/" + revision);
    }

    private <T extends DataObject> DataContainerChild normalized(final DataObjectIdentifier<T> id, final T object) {
        return (DataContainerChild) codec.nodeSerializer().toNormalizedDataObject(id, object).node();
    }

    private YangLibrary library(final String restconfRoot) {
        final Map<String, org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104
                .module.set.parameters.Module> modules = new TreeMap<>();
        for (Module module : models.getModules()) {
            final String revision = module.getRevision().map(Revision::toString).orElse("");
            final ModuleBuilder builder = new ModuleBuilder()
                .setName(new YangIdentifier(module.getName()))
                .setNamespace(new Uri(module.getNamespace().toString()));
            if (!revision.isEmpty()) {
                builder.setRevision(new RevisionIdentifier(revision));
            }
            if (sources.info(module.getName(), revision).isPresent()) {
                builder.setLocation(Set.of(new Uri(location(restconfRoot, module.getName(), revision))));
            }
            modules.put(module.getName() + "@" + revision, builder.build());
        }
        final ModuleSet set = new ModuleSetBuilder().setName(ALL)
            .setModule(modules.values().stream().collect(Collectors.toMap(m -> m.key(), Function.identity())))
            .build();
        final Schema schema = new SchemaBuilder().setName(ALL).setModuleSet(Set.of(ALL)).build();
        final Datastore running = new DatastoreBuilder().setName(Running.VALUE).setSchema(ALL).build();
        final Datastore operational = new DatastoreBuilder().setName(Operational.VALUE).setSchema(ALL).build();
        return new YangLibraryBuilder()
            .setModuleSet(Map.of(set.key(), set))
            .setSchema(Map.of(schema.key(), schema))
            .setDatastore(Map.of(running.key(), running, operational.key(), operational))
            .setContentId(contentId(modules.keySet()))
            .build();
    }

    /** The content-id: a digest of the module names and revisions, which changes when the library does. */
    private static String contentId(final Set<String> modules) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String module : modules) {
                digest.update(module.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** What the state holds at a path, if anything. */
    Optional<NormalizedNode> read(final String restconfRoot,
            final YangInstanceIdentifier path) {
        final ContainerNode root = data(restconfRoot);
        return path.isEmpty() ? Optional.of(root) : NormalizedNodes.findNode(root, path);
    }
}
