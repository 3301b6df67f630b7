package org.sdqkd.controller.impl.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The modules a device announced, and where the list came from.
 *
 * @param modules the modules (implemented and import-only) and submodules
 * @param origin  where the list was read: {@code ietf-yang-library}, {@code modules-state},
 *                {@code ietf-netconf-monitoring} or {@code hello}
 */
public record DeviceModules(List<ModuleRef> modules, String origin) {
    /** Checks and copies the components. */
    public DeviceModules {
        modules = List.copyOf(modules);
        requireNonNull(origin);
    }
}
