/**
 * What other modules use of the datastore: the datastores of one agent with their snapshots, transactions, locks,
 * listeners and checkpoints (RFC 6241 sections 5, 7 and 8; RFC 8342), YANG instance documents (RFC 7950 XML,
 * RFC 7951 JSON), their validation, errors expressed as RFC 6241 rpc-error values, and the users' PBKDF2 password
 * hashes (RFC 8018) that the NETCONF and RESTCONF front ends both check.
 */
package org.sdqkd.datastore.api;
