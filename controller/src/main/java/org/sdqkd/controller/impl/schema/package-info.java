/**
 * A device's schema: its module list from the YANG library (RFC 8525, RFC 7895), ietf-netconf-monitoring (RFC 6022)
 * or its hello, module sources by get-schema cached on disk, and one shared model context per module set.
 */
package org.sdqkd.controller.impl.schema;
