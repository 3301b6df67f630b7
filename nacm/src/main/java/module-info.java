/**
 * RFC 8341 access control (NACM) on YANG data trees, shared by the NETCONF agent and the RESTCONF gateway. Exports
 * the entry point ({@code org.sdqkd.nacm}) and the contract ({@code org.sdqkd.nacm.api}); the engine is not exported.
 */
module org.sdqkd.nacm {
    exports org.sdqkd.nacm;
    exports org.sdqkd.nacm.api;

    requires transitive org.opendaylight.yangtools.yang.common;
    requires transitive org.opendaylight.yangtools.yang.data.api;
    requires transitive org.opendaylight.yangtools.yang.model.api;
    requires transitive org.opendaylight.yangtools.binding.data.codec.api;

    requires org.opendaylight.yang.gen.ietf.netconf.acm.rfc8341;
    requires org.opendaylight.yangtools.binding.data.codec.dynamic;
    requires org.opendaylight.yangtools.binding.runtime.spi;
    requires org.opendaylight.yangtools.binding.runtime.api;
    requires org.opendaylight.yangtools.binding.spec;
    requires org.opendaylight.yangtools.yang.data.spi;
    requires org.slf4j;

    uses org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
}
