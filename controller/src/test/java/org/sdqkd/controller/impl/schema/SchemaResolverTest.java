package org.sdqkd.controller.impl.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;

/**
 * Schema resolution against a scripted device: sources fetched once and cached on disk, one shared context per
 * module set, a corrupt cache file fetched again, and unreachable or oversize sources left out with their reasons.
 */
class SchemaResolverTest {
    private static final String BASE = """
        module base {
          namespace "urn:test:base";
          prefix b;
          revision 2026-01-01;
          typedef name { type string { length "1..32"; } }
        }
        """;
    private static final String TOP = """
        module top {
          namespace "urn:test:top";
          prefix t;
          import base { prefix b; revision-date 2026-01-01; }
          revision 2026-01-02;
          feature extra;
          container top {
            leaf name { type b:name; }
            leaf bonus { if-feature extra; type string; }
          }
        }
        """;
    private static final String OTHER = """
        module other {
          namespace "urn:test:other";
          prefix o;
          revision 2026-01-03;
          container other { leaf value { type int32; } }
        }
        """;
    private static LibraryBindings bindings;

    @TempDir
    Path cache;

    @BeforeAll
    static void bindings() {
        bindings = LibraryBindings.create();
    }

    private SchemaResolver resolver(final SchemaContexts contexts, final int maxBytes) throws Exception {
        return SchemaResolver.of(bindings, new SchemaSourceCache(cache, maxBytes), contexts,
            new ResolverSettings(Duration.ofSeconds(10), new Semaphore(2)));
    }

    @Test
    void fetchesEachSourceOnceCachesItAndSharesTheContext() throws Exception {
        final SchemaContexts contexts = new SchemaContexts();
        // the hello lists top only: base comes in as top's import
        final ScriptedDevice first = new ScriptedDevice(List.of("top@2026-01-02"), Map.of("top", TOP, "base", BASE));
        final DeviceSchema one = resolver(contexts, 1 << 20).resolve(first);
        assertEquals("hello", one.origin());
        assertEquals(Map.of(), one.unresolved());
        assertNotNull(one.context().findModule("top", Revision.of("2026-01-02")).orElse(null));
        assertTrue(Files.isRegularFile(cache.resolve("top@2026-01-02.yang")));
        assertTrue(Files.isRegularFile(cache.resolve("base@2026-01-01.yang")));
        assertEquals(1, first.fetches("top"));
        assertEquals(1, first.fetches("base"));

        // a second device with the same modules, which serves no schema at all: the cache answers, same context
        final ScriptedDevice second = new ScriptedDevice(List.of("top@2026-01-02"), Map.of());
        final DeviceSchema two = resolver(contexts, 1 << 20).resolve(second);
        assertSame(one.context(), two.context());
        assertEquals(0, second.fetches("top"));
        assertEquals(1, contexts.size());
    }

    @Test
    @DisplayName("issue 15: devices of one kind mounted at once fetch each source once, from one of them")
    void devicesOfOneKindMountedAtOnceFetchEachSourceOnce() throws Exception {
        final SchemaResolver resolver = resolver(new SchemaContexts(), 1 << 20);
        final List<ScriptedDevice> devices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            devices.add(new ScriptedDevice(List.of("top@2026-01-02"), Map.of("top", TOP, "base", BASE),
                Duration.ofMillis(200)));
        }
        final List<DeviceSchema> schemas;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            final List<Future<DeviceSchema>> pending = new ArrayList<>();
            for (ScriptedDevice device : devices) {
                pending.add(threads.submit(() -> resolver.resolve(device)));
            }
            schemas = new ArrayList<>();
            for (Future<DeviceSchema> future : pending) {
                schemas.add(future.get());
            }
        }
        assertEquals(1, devices.stream().mapToInt(device -> device.fetches("top")).sum());
        assertEquals(1, devices.stream().mapToInt(device -> device.fetches("base")).sum());
        schemas.forEach(schema -> assertSame(schemas.get(0).context(), schema.context()));
        assertEquals(Map.of(), schemas.get(0).unresolved());
    }

    @Test
    @DisplayName("issue 15: a device waiting for a source another device fails to serve fetches it itself")
    void aSourceAnotherDeviceFailsToServeIsFetchedFromThisOne() throws Exception {
        final SchemaResolver resolver = resolver(new SchemaContexts(), 1 << 20);
        // same hello; the first serves top but not base, and slowly
        final List<String> hello = List.of("top@2026-01-02", "base@2026-01-01");
        final ScriptedDevice broken = new ScriptedDevice(hello, Map.of("top", TOP), Duration.ofMillis(500));
        final ScriptedDevice good = new ScriptedDevice(hello, Map.of("top", TOP, "base", BASE));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            final Future<DeviceSchema> first = threads.submit(() -> resolver.resolve(broken));
            while (broken.fetches("base") == 0) {
                Thread.onSpinWait();
            }
            // both of broken's fetches are under way: good waits for them instead of asking
            final DeviceSchema second = resolver.resolve(good);
            assertEquals(Map.of(), second.unresolved());
            assertEquals(0, good.fetches("top"));
            assertEquals(1, good.fetches("base"));
            // broken itself has no base, and so nothing (top needs base)
            final ExecutionException failed = assertThrows(ExecutionException.class, first::get);
            assertTrue(failed.getCause().getMessage().contains("base@2026-01-01"), failed::toString);
        }
    }

    @Test
    void featuresTheHelloListsMakeAnotherContext() throws Exception {
        final SchemaContexts contexts = new SchemaContexts();
        final ScriptedDevice without = new ScriptedDevice(List.of("top@2026-01-02"), Map.of("top", TOP, "base", BASE));
        final ScriptedDevice with = new ScriptedDevice(List.of("top@2026-01-02&features=extra"),
            Map.of("top", TOP, "base", BASE));
        final DeviceSchema plain = resolver(contexts, 1 << 20).resolve(without);
        final DeviceSchema extra = resolver(contexts, 1 << 20).resolve(with);
        assertTrue(plain.context() != extra.context(), "features differ, so must the contexts");
        final QNameModule module = QNameModule.of(XMLNamespace.of("urn:test:top"), Revision.of("2026-01-02"));
        final QName container = QName.create(module, "top");
        final QName bonus = QName.create(module, "bonus");
        assertTrue(extra.context().findDataTreeChild(container, bonus).isPresent());
        assertTrue(plain.context().findDataTreeChild(container, bonus).isEmpty());
    }

    @Test
    void aCorruptCacheFileIsFetchedAgainAndReplaced() throws Exception {
        final SchemaContexts contexts = new SchemaContexts();
        resolver(contexts, 1 << 20).resolve(new ScriptedDevice(List.of("top@2026-01-02"),
            Map.of("top", TOP, "base", BASE)));
        Files.writeString(cache.resolve("base@2026-01-01.yang"), "module base { this is not YANG", UTF_8);
        final ScriptedDevice device = new ScriptedDevice(List.of("top@2026-01-02"), Map.of("top", TOP, "base", BASE));
        final DeviceSchema schema = resolver(new SchemaContexts(), 1 << 20).resolve(device);
        assertEquals(Map.of(), schema.unresolved());
        assertEquals(0, device.fetches("top"));
        assertEquals(1, device.fetches("base"));
        assertEquals(BASE, Files.readString(cache.resolve("base@2026-01-01.yang"), UTF_8));
    }

    @Test
    void unreachableSourcesAreLeftOutWithTheModulesThatNeedThem() throws Exception {
        final ScriptedDevice device = new ScriptedDevice(List.of("top@2026-01-02", "other@2026-01-03"),
            Map.of("top", TOP, "other", OTHER));
        final DeviceSchema schema = resolver(new SchemaContexts(), 1 << 20).resolve(device);
        assertTrue(schema.unresolved().get("base@2026-01-01").contains("no schema base"), schema::toString);
        assertTrue(schema.unresolved().get("top@2026-01-02").contains("needs base@2026-01-01"), schema::toString);
        assertTrue(schema.context().findModule("other", Revision.of("2026-01-03")).isPresent());
        assertTrue(schema.context().findModule("top", Revision.of("2026-01-02")).isEmpty());
    }

    @Test
    void aDeviceWhoseSchemasCannotBeFetchedFailsNamingTheModules() throws Exception {
        final ScriptedDevice device = new ScriptedDevice(List.of("top@2026-01-02"), Map.of());
        final SchemaResolutionException failure = assertThrows(SchemaResolutionException.class,
            () -> resolver(new SchemaContexts(), 1 << 20).resolve(device));
        assertTrue(failure.getMessage().contains("top@2026-01-02"), failure::getMessage);
        assertTrue(failure.unresolved().containsKey("top@2026-01-02"), failure.unresolved()::toString);
    }

    @Test
    void anOversizeSourceIsRefusedWithoutBeingCached() throws Exception {
        final String huge = OTHER.replace("prefix o;", "prefix o;\n  description \"" + "x".repeat(8192) + "\";");
        final ScriptedDevice device = new ScriptedDevice(List.of("other@2026-01-03", "base@2026-01-01"),
            Map.of("other", huge, "base", BASE));
        final DeviceSchema schema = resolver(new SchemaContexts(), 4096).resolve(device);
        assertTrue(schema.unresolved().get("other@2026-01-03").contains("above the limit of 4096"),
            schema::toString);
        assertTrue(Files.notExists(cache.resolve("other@2026-01-03.yang")));
        assertTrue(schema.context().findModule("base", Revision.of("2026-01-01")).isPresent());
    }

    @Test
    void aSourceNamingAnotherModuleIsRefused() {
        final SchemaSourceException failure = assertThrows(SchemaSourceException.class,
            () -> SchemaSourceCache.parse(ModuleRef.of("base", "2026-01-01").sourceId(), OTHER));
        assertTrue(failure.getMessage().contains("holds module other"), failure::getMessage);
    }
}
