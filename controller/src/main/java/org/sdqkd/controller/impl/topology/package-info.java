/**
 * The controller's live topology (issue 15 item 4): each connected node's ETSI GS QKD 015 {@code qkd_node} and
 * notifications, read as generated bindings, kept as {@code sdqkd-network} link and node state in the controller's
 * operational datastore and published as {@code link-state-changed}. The entry point is {@link
 * org.sdqkd.controller.impl.topology.LiveTopology}.
 */
package org.sdqkd.controller.impl.topology;
