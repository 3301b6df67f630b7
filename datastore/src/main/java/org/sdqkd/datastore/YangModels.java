package org.sdqkd.datastore;

import org.opendaylight.yangtools.binding.runtime.api.BindingRuntimeContext;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.impl.ClassPathModels;
import org.sdqkd.datastore.impl.DataPaths;
import org.sdqkd.datastore.impl.DataTreeValidator;
import org.sdqkd.datastore.impl.YangInstanceDocuments;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.api.InstanceDocumentCodec;

/** Entry point: the project's models and the codec and validator built on them. */
public final class YangModels {
    private YangModels() {
        // no instances
    }

    /**
     * The models of every YANG binding on the class path (sdqkd's own, ETSI GS QKD 015, ietf-pot-profile
     * and the IETF modules they import), parsed once.
     */
    public static EffectiveModelContext projectModels() {
        return ClassPathModels.context();
    }

    /**
     * The binding runtime context of the same models as {@link #projectModels()}, from the same parse: what a
     * yangtools binding codec ({@code BindingDataCodecFactory.newBindingDataCodec}) is made from. Every part of a
     * program that needs the bindings of the class path takes this one instead of parsing the models again
     * ({@code BindingRuntimeHelpers.createRuntimeContext()} parses every YANG source each time it is called).
     *
     * @return the context, made on first call
     */
    public static BindingRuntimeContext projectBindings() {
        return ClassPathModels.runtime();
    }

    /** A codec for XML and JSON instance documents of the given models. */
    public static InstanceDocumentCodec documentCodec(final EffectiveModelContext context) {
        return new YangInstanceDocuments(context);
    }

    /** A validator of datastore content against the given models. */
    public static DataValidator validator(final EffectiveModelContext context) {
        return new DataTreeValidator(context);
    }

    /**
     * The data path of a node as validation errors report it: {@code /module:top/list[key='v']/leaf}, with the
     * module name where the module changes (RFC 7951 section 6.11 style).
     *
     * @param context the models
     * @param path    the node
     * @return the path text
     */
    public static String dataPath(final EffectiveModelContext context, final YangInstanceIdentifier path) {
        return DataPaths.of(context, path);
    }
}
