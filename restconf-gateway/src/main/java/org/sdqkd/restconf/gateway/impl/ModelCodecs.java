package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The models a gateway serves and the yangtools codecs built on them once: RFC 7951 JSON, XML and the data schema
 * tree that maps API path segments to data tree steps.
 *
 * @param context the models
 * @param json    the RFC 7951 codec factory
 * @param xml     the XML codec factory
 * @param tree    the data schema tree
 */
record ModelCodecs(EffectiveModelContext context, JSONCodecFactory json, XmlCodecFactory xml,
        DataSchemaContextTree tree) {
    ModelCodecs {
        requireNonNull(context);
        requireNonNull(json);
        requireNonNull(xml);
        requireNonNull(tree);
    }

    /** The codecs of some models. */
    static ModelCodecs of(final EffectiveModelContext context) {
        return new ModelCodecs(context, JSONCodecFactorySupplier.RFC7951.getShared(context),
            XmlCodecFactory.create(context), DataSchemaContextTree.from(context));
    }
}
