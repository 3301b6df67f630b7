/**
 * The ETSI GS QKD 014 V1.1.1 REST API as other modules use it: its data formats (section 6) as immutable records with
 * their JSON, its limits in one place, and one HTTPS client with mutual TLS for its three methods (section 5).
 */
package org.sdqkd.etsi014.api;
