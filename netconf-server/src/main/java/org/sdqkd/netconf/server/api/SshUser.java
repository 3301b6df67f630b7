package org.sdqkd.netconf.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.sdqkd.datastore.api.PasswordHash;

/**
 * A user who may open NETCONF sessions, with the credentials the server accepts: a password hash, public keys in
 * OpenSSH {@code authorized_keys} form (RFC 4253 section 6.6 key blobs, as in {@code sshd(8)} AUTHORIZED_KEYS FILE
 * FORMAT), or both.
 *
 * @param name the SSH user name
 * @param password the password hash, if the user may log in with a password
 * @param authorizedKeys the public keys the user may log in with, one {@code authorized_keys} line each
 *     ({@code <type> <base64> [comment]}); lines with options are refused when the server is built
 */
public record SshUser(String name, Optional<PasswordHash> password, List<String> authorizedKeys) {

    /**
     * Checks the components and copies the key list.
     *
     * @param name the user name, not blank, without control characters
     * @param password the password hash, if any
     * @param authorizedKeys the public keys; at least one when there is no password
     */
    public SshUser {
        requireNonNull(name, "name");
        requireNonNull(password, "password");
        authorizedKeys = List.copyOf(authorizedKeys);
        if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid user name");
        }
        if (password.isEmpty() && authorizedKeys.isEmpty()) {
            throw new IllegalArgumentException("user " + name + " has neither a password nor a public key");
        }
    }

    /**
     * A user who logs in with a password.
     *
     * @param name the user name
     * @param password the password hash
     * @return the user
     */
    public static SshUser withPassword(String name, PasswordHash password) {
        return new SshUser(name, Optional.of(password), List.of());
    }

    /**
     * A user who logs in with public keys.
     *
     * @param name the user name
     * @param authorizedKeys the keys, one {@code authorized_keys} line each
     * @return the user
     */
    public static SshUser withKeys(String name, List<String> authorizedKeys) {
        return new SshUser(name, Optional.empty(), authorizedKeys);
    }
}
