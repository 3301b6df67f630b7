/**
 * What other parts of a program plug into the RESTCONF gateway: implementations of the RPCs and actions of the
 * served models, invoked by {@code POST {+restconf}/operations/module:rpc} and by POST on an action's data resource
 * (RFC 8040 sections 3.6 and 4.4.2), with input and output as yangtools NormalizedNodes, or for RPCs as generated
 * binding objects through {@link BindingRpc}; and {@link NotificationSink},
 * through which they publish the notifications of the served models on the gateway's {@code NETCONF} event stream
 * (RFC 8040 section 6); and {@link MountPoints}, through which a program (the controller) mounts devices with their
 * own models under a data node, addressed with OpenDaylight's {@code yang-ext:mount} path segment.
 */
package org.sdqkd.restconf.gateway.spi;
