/**
 * The controller's {@code sdqkd-network} data as generated bindings, turned to and from the datastore's
 * NormalizedNodes by the yangtools binding codec.
 */
package org.sdqkd.controller.impl.model;
