package org.sdqkd.controller.impl.schema;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * A device's resolved schema.
 *
 * @param context    the model context, shared by every device with the same module set
 * @param origin     where the module list was read (see {@link DeviceModules#origin()})
 * @param unresolved the modules ({@code name@revision}) left out because their source could not be had or needs
 *                   one that could not, each with the reason (OpenDaylight's "unavailable capabilities")
 */
public record DeviceSchema(EffectiveModelContext context, String origin, Map<String, String> unresolved) {
    /** Checks and copies the components. */
    public DeviceSchema {
        requireNonNull(context);
        requireNonNull(origin);
        unresolved = Map.copyOf(unresolved);
    }
}
