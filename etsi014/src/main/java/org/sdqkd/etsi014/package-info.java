/**
 * The entry points of the ETSI GS QKD 014 module: {@link org.sdqkd.etsi014.Etsi014Client} (HTTPS with a client
 * certificate), {@link org.sdqkd.etsi014.Etsi014Json} (the JSON of the request and response bodies) and {@link
 * org.sdqkd.etsi014.Etsi014Query} (the GET query forms). The only package that wires the implementation; the records
 * are in {@code org.sdqkd.etsi014.api}.
 */
package org.sdqkd.etsi014;
