/** The entry point of the RFC 8341 (NACM) access control: {@link org.sdqkd.nacm.Nacm}. */
package org.sdqkd.nacm;
