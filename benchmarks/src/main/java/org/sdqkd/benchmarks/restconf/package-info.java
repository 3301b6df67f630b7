/**
 * The RESTCONF driver: a gateway over a datastore of 10,000 constrained key associations, measured with ab, wrk and
 * its own sequential keep-alive client (issue 14, acceptance "Performance"; RFC 8040).
 */
package org.sdqkd.benchmarks.restconf;
