/**
 * The workings behind {@code org.sdqkd.netconf.protocol.api}: the RFC 6242 decoders, the StAX-to-DOM builder with
 * its limits, the XML writer, and the RFC 6241 XML forms of the messages. Not for use by other modules.
 */
package org.sdqkd.netconf.protocol.impl;
