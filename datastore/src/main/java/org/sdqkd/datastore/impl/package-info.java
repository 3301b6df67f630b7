/**
 * Implementation of the datastore API over OpenDaylight yangtools: data trees per datastore with serialized commits,
 * persistence of running and startup with secret values sealed by AES-256-GCM (RFC 8341 {@code default-deny-all}),
 * the XML and JSON codecs with path-tracking error reports, and the validation of RFC 7950 section 8 constraints
 * that yangtools does not check. Not for use outside this module.
 */
package org.sdqkd.datastore.impl;
