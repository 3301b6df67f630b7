/**
 * YANG-validated datastores, the instance document codec and the validator. Exports the entry points
 * ({@code org.sdqkd.datastore}) and the contracts ({@code org.sdqkd.datastore.api}); the implementation is not
 * exported.
 */
module org.sdqkd.datastore {
    exports org.sdqkd.datastore;
    exports org.sdqkd.datastore.api;

    requires transitive org.opendaylight.yangtools.binding.runtime.api;
    requires transitive org.opendaylight.yangtools.concepts;
    requires transitive org.opendaylight.yangtools.yang.common;
    requires transitive org.opendaylight.yangtools.yang.data.api;
    requires transitive org.opendaylight.yangtools.yang.model.api;

    requires com.google.gson;
    requires java.xml;
    requires org.opendaylight.yangtools.binding.runtime.spi;
    requires org.opendaylight.yangtools.rfc6536.model.api;
    requires org.opendaylight.yangtools.yang.data.codec.binfmt;
    requires org.opendaylight.yangtools.yang.data.codec.gson;
    requires org.opendaylight.yangtools.yang.data.codec.xml;
    requires org.opendaylight.yangtools.yang.data.impl;
    requires org.opendaylight.yangtools.yang.data.spi;
    requires org.opendaylight.yangtools.yang.data.tree;
    requires org.opendaylight.yangtools.yang.data.tree.api;
    requires org.opendaylight.yangtools.yang.data.tree.spi;
    requires org.opendaylight.yangtools.yang.xpath.api;
    requires org.opendaylight.yangtools.yang.parser.api;
    requires org.slf4j;

    uses org.opendaylight.yangtools.binding.runtime.api.BindingRuntimeGenerator;
    uses org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
}
