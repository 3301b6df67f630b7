package org.sdqkd.netconf.server.impl;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.sdqkd.netconf.server.api.SshUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public-key authentication (RFC 4252 section 7) against the configured {@code authorized_keys} lines. This class
 * only tells whether a key belongs to the user; MINA checks the client's signature before the user is authenticated.
 */
final class AuthorizedKeysAuthentication implements PublickeyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedKeysAuthentication.class);

    private final Map<String, List<PublicKey>> keys;

    private AuthorizedKeysAuthentication(Map<String, List<PublicKey>> keys) {
        this.keys = keys;
    }

    /**
     * Reads the users' public keys.
     *
     * @param users the configured users
     * @return the authenticator
     * @throws IllegalArgumentException if a line is not a public key in {@code authorized_keys} form, or has options
     */
    static AuthorizedKeysAuthentication of(List<SshUser> users) {
        Map<String, List<PublicKey>> keys = new HashMap<>();
        for (SshUser user : users) {
            List<PublicKey> userKeys = new ArrayList<>();
            for (int i = 0; i < user.authorizedKeys().size(); i++) {
                userKeys.add(parse(user.name(), i + 1, user.authorizedKeys().get(i)));
            }
            keys.put(user.name(), List.copyOf(userKeys));
        }
        return new AuthorizedKeysAuthentication(Map.copyOf(keys));
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        boolean known = keys.getOrDefault(username, List.of()).stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
        if (!known) {
            LOG.info("Public key {} of {} from {} is not authorized", KeyUtils.getFingerPrint(key), username,
                session.getClientAddress());
        }
        return known;
    }

    private static PublicKey parse(String user, int index, String line) {
        String where = "user " + user + ", authorized key " + index;
        AuthorizedKeyEntry entry;
        try {
            entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (entry == null) {
            throw new IllegalArgumentException(where + ": empty line or comment");
        }
        if (!entry.getLoginOptions().isEmpty()) {
            throw new IllegalArgumentException(where + ": authorized_keys options are not supported");
        }
        try {
            return entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
