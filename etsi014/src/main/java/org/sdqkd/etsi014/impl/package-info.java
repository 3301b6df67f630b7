/**
 * How the ETSI GS QKD 014 API is implemented: JSON reading and writing details and the HTTPS client on the JDK's
 * {@code HttpsURLConnection}. Nothing here is for other modules.
 */
package org.sdqkd.etsi014.impl;
