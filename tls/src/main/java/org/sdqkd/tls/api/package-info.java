/**
 * TLS identities from the PKI's PEM files ({@link org.sdqkd.tls.api.TlsIdentity}) and the PEM files themselves
 * ({@link org.sdqkd.tls.api.Pem}): what every TLS endpoint of the project (KME, links, RESTCONF, the controller's
 * SAE) loads its certificate, key and trusted CAs with.
 */
package org.sdqkd.tls.api;
