package org.sdqkd.benchmarks.netconf;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.ServiceLoader;
import java.util.Set;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.DelegatedYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/**
 * The models the benchmark's sdqkd agent serves: every module of the bindings on the class path (what the real
 * agent serves, including the NETCONF protocol's own modules) plus the {@code probe-test} module that netconfd
 * loads in the same benchmark, so both servers hold the very same list.
 */
final class ProbeModels {
    /** Where the interop test-jar keeps the probe-test module. */
    static final String PROBE_RESOURCE = "/org/sdqkd/testsupport/peers/probe-test.yang";

    private ProbeModels() {
        // no instances
    }

    /**
     * Parses the class path's modules and probe-test into one model context.
     *
     * @return the models
     * @throws YangParserException if the sources do not make a valid model
     * @throws IOException         if a source cannot be read
     */
    static EffectiveModelContext withProbeTest() throws YangParserException, IOException {
        final URL probe = ProbeModels.class.getResource(PROBE_RESOURCE);
        if (probe == null) {
            throw new IllegalStateException(PROBE_RESOURCE + " is not on the class path (sdqkd-test-support)");
        }
        final YangParser parser = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT);
        final Deque<YangModuleInfo> pending = new ArrayDeque<>(BindingRuntimeHelpers.loadModuleInfos());
        final Set<YangModuleInfo> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            final YangModuleInfo info = pending.pop();
            if (seen.add(info)) {
                parser.addSource(new DelegatedYangTextSource(SourceIdentifier.ofQName(info.getName()),
                    info.getYangTextCharSource()));
                pending.addAll(info.getImportedModules());
            }
        }
        parser.addSource(new URLYangTextSource(probe));
        return parser.buildEffectiveModel();
    }
}
