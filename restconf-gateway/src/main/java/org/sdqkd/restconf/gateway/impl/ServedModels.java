package org.sdqkd.restconf.gateway.impl;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.NetconfConfigChange;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.RestconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * The models a gateway serves: the datastore's, with the modules of the gateway's own state data added when they
 * lack them: {@code ietf-yang-library} (RFC 8525), {@code ietf-restconf-monitoring} (RFC 8040 section 9.3) and
 * {@code ietf-netconf-notifications} (RFC 6470, the configuration change events of the event stream). They
 * are added by parsing every module again from the YANG sources of the bindings on the class path.
 */
final class ServedModels {
    private ServedModels() {
        // no instances
    }

    /** The module infos of the gateway's own modules. */
    static List<YangModuleInfo> gatewayModules() {
        return List.of(BindingRuntimeHelpers.getYangModuleInfo(YangLibrary.class),
            BindingRuntimeHelpers.getYangModuleInfo(RestconfState.class),
            BindingRuntimeHelpers.getYangModuleInfo(NetconfConfigChange.class));
    }

    /**
     * The models to serve.
     *
     * @param context the datastore's models
     * @param sources the YANG sources on the class path
     * @return {@code context} when it has the gateway's modules, else the same modules and those
     * @throws IllegalArgumentException when they must be added and a module of {@code context} has no source
     */
    static EffectiveModelContext of(final EffectiveModelContext context, final ModuleSources sources) {
        final List<YangModuleInfo> own = gatewayModules();
        if (own.stream().allMatch(info -> context.findModule(info.getName().getModule()).isPresent())) {
            return context;
        }
        final List<YangModuleInfo> all = new ArrayList<>(own);
        for (Module module : context.getModules()) {
            final String revision = module.getRevision().map(Revision::toString).orElse("");
            all.add(sources.info(module.getName(), revision).orElseThrow(() -> new IllegalArgumentException(
                "the models lack ietf-yang-library, ietf-restconf-monitoring or ietf-netconf-notifications, and module "
                    + module.getName()
                    + (revision.isEmpty() ? "" : "@" + revision)
                    + " has no YANG source on the class path to build them again with")));
        }
        return BindingRuntimeHelpers.createEffectiveModel(all);
    }
}
