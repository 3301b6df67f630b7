/**
 * Test fixtures that start NETCONF servers sdqkd did not write (RFC 6241 over SSH, RFC 6242) on loopback, in a
 * temporary directory and on ports found free at run time: Debian's {@code netconfd} (yuma123) behind a private
 * OpenSSH {@code sshd}, and OpenDaylight's {@code netconf-testtool} device simulator. Each fixture is
 * {@link java.lang.AutoCloseable}: closing it kills its process trees and deletes its directory.
 */
package org.sdqkd.testsupport.peers;
