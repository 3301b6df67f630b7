package org.sdqkd.netconf.protocol.api;

import org.sdqkd.netconf.protocol.SafeXml;

/**
 * Limits on an XML document that {@link SafeXml} enforces while it parses.
 *
 * @param maxDepth the deepest element nesting accepted; the document element is at depth 1
 * @param maxBytes the largest document accepted, in bytes
 */
public record XmlLimits(int maxDepth, int maxBytes) {
    /** 256 levels and 64 MiB: far beyond any YANG model of the project, yet cheap to refuse. */
    public static final XmlLimits DEFAULT = new XmlLimits(256, 64 * 1024 * 1024);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is below 1
     */
    public XmlLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
        }
    }
}
