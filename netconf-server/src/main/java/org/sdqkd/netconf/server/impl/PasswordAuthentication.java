package org.sdqkd.netconf.server.impl;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication (RFC 4252 section 8) against the configured {@link PasswordHash}es. A name without a
 * password costs as much to refuse as a wrong password, so response times do not tell which names exist.
 */
final class PasswordAuthentication implements PasswordAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthentication.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PasswordHash> hashes = new HashMap<>();
    private final PasswordHash decoy;

    /**
     * Takes the password hashes of the users that have one.
     *
     * @param users the configured users
     */
    PasswordAuthentication(List<SshUser> users) {
        users.forEach(user -> user.password().ifPresent(hash -> hashes.put(user.name(), hash)));
        int iterations = hashes.values().stream().mapToInt(PasswordHash::iterations).max()
            .orElse(PasswordHash.MIN_ITERATIONS);
        char[] random = new char[16];
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        decoy = PasswordHash.hash(random, iterations);
        Arrays.fill(random, '\0');
    }

    /**
     * Tells whether any user may log in with a password.
     *
     * @return whether there is a password to check
     */
    boolean hasPasswords() {
        return !hashes.isEmpty();
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        char[] chars = password.toCharArray();
        try {
            PasswordHash hash = hashes.get(username);
            boolean matches = (hash == null ? decoy : hash).verify(chars);
            boolean accepted = hash != null && matches;
            if (!accepted) {
                LOG.info("Password authentication of {} from {} failed", username, session.getClientAddress());
            }
            return accepted;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
