package org.sdqkd.restconf.gateway.impl;

import java.util.Map;
import org.sdqkd.datastore.api.PasswordHash;

/**
 * Who may use the gateway: users with a password (HTTP Basic, RFC 7617) and the certificate names mapped to users
 * (mutual TLS).
 *
 * @param passwords        user name to password hash, the same records and hashes as the NETCONF agent's
 * @param certificateUsers a client certificate's subject CN or subject alternative name (DNS, URI, e-mail) to user
 *                         name
 */
public record Users(Map<String, PasswordHash> passwords, Map<String, String> certificateUsers) {
    /**
     * Copies the maps.
     *
     * @param passwords        user name to password hash
     * @param certificateUsers certificate name to user name
     */
    public Users {
        passwords = Map.copyOf(passwords);
        certificateUsers = Map.copyOf(certificateUsers);
        for (String name : passwords.keySet()) {
            if (name.isEmpty() || name.indexOf(':') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a user name for HTTP Basic has no ':' or control characters "
                    + "and is not empty");
            }
        }
    }
}
