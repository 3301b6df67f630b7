/**
 * What the parts of the controller share: the NETCONF sessions to the nodes ({@link NodeSessions}), on which the
 * mounts and the topology are built.
 */
package org.sdqkd.controller.api;
