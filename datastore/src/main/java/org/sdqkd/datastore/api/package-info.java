/**
 * What other modules use of the datastore: YANG instance documents (RFC 7950 XML, RFC 7951 JSON), their
 * validation, and errors expressed as RFC 6241 rpc-error values.
 */
package org.sdqkd.datastore.api;
