package org.sdqkd.restconf.gateway.impl;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Maps a client certificate that TLS has verified (its chain leads to a trusted CA) to a user name through a
 * configured table: the subject's common name first, then its DNS, URI and e-mail subject alternative names
 * (RFC 5280 section 4.2.1.6). A certificate none of whose names is in the table names no user.
 */
final class CertificateUsers {
    private static final int RFC822 = 1;
    private static final int DNS = 2;
    private static final int URI = 6;

    private final Map<String, String> table;

    /**
     * A mapping.
     *
     * @param table certificate name to user name
     */
    CertificateUsers(final Map<String, String> table) {
        this.table = Map.copyOf(table);
    }

    /**
     * The user a certificate stands for.
     *
     * @param certificate the client's certificate (the first of its verified chain)
     * @return the user name, when one of the certificate's names is mapped
     */
    Optional<String> userOf(final X509Certificate certificate) {
        for (String name : names(certificate)) {
            final String user = table.get(name);
            if (user != null) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    private static List<String> names(final X509Certificate certificate) {
        final List<String> names = new ArrayList<>();
        commonName(certificate.getSubjectX500Principal()).ifPresent(names::add);
        try {
            final Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.get(0) instanceof Integer type && (type == RFC822 || type == DNS || type == URI)
                            && entry.get(1) instanceof String value) {
                        names.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // a certificate whose alternative names cannot be read is mapped by its common name alone
            return names;
        }
        return names;
    }

    private static Optional<String> commonName(final X500Principal subject) {
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns().reversed()) {
                if ("CN".equalsIgnoreCase(rdn.getType()) && rdn.getValue() instanceof String value) {
                    return Optional.of(value);
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
