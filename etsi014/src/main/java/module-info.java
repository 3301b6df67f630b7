/**
 * The ETSI GS QKD 014 wire: the data formats as records, their JSON, the limits and one HTTPS client. Exports the
 * entry points ({@code org.sdqkd.etsi014}) and the records ({@code org.sdqkd.etsi014.api}); the implementation is
 * not exported.
 */
module org.sdqkd.etsi014 {
    exports org.sdqkd.etsi014;
    exports org.sdqkd.etsi014.api;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
}
