/**
 * TLS identities from the PKI's PEM files, for every TLS endpoint of the project. Exports {@code org.sdqkd.tls.api}.
 */
module org.sdqkd.tls {
    exports org.sdqkd.tls.api;

    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.tls;
}
