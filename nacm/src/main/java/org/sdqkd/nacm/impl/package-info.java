/**
 * The RFC 8341 (NACM) engine: the {@code nacm} container compiled into rules once per change, and the decisions
 * on operations, data trees and notifications made with them.
 */
package org.sdqkd.nacm.impl;
