/**
 * A scripted ETSI GS QKD 014 KME (section 5 of the standard, over HTTPS with mutual TLS) for the tests of the KME's
 * clients: it records each request and answers what the test set.
 */
package org.sdqkd.testsupport.kme;
