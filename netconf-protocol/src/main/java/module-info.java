/**
 * What the NETCONF server and client share: RFC 6242 framings, RFC 6241 messages and rpc-errors, a hardened XML
 * parser. Exports the entry points ({@code org.sdqkd.netconf.protocol}) and the message types
 * ({@code org.sdqkd.netconf.protocol.api}); the implementation is not exported.
 */
module org.sdqkd.netconf.protocol {
    exports org.sdqkd.netconf.protocol;
    exports org.sdqkd.netconf.protocol.api;

    requires transitive java.xml;
    requires transitive org.opendaylight.yangtools.yang.common;
    requires com.ctc.wstx;
}
