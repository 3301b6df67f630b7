package org.sdqkd.datastore.impl;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** The data path form of instance identifiers, for use outside this package. */
public final class DataPaths {
    private DataPaths() {
        // no instances
    }

    /**
     * The data path of an instance identifier, as libyang prints it
     * ({@code /module:top/list[key='v']/leaf}).
     *
     * @param context the models, for module names
     * @param path the instance identifier
     * @return the data path
     */
    public static String of(final EffectiveModelContext context, final YangInstanceIdentifier path) {
        return DataPathBuilder.of(context, path);
    }
}
