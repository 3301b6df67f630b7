package org.sdqkd.controller.impl.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the controller logs in to its nodes' SSH servers (the user name is each node's {@code netconf/username}): a
 * password, an OpenSSH or PEM private key file, or both. Holds the password as characters, copied in and out;
 * {@link #toString()} never shows it.
 */
public final class NodeLogin {
    private final char[] password;
    private final Path keyFile;

    private NodeLogin(final char[] password, final Path keyFile) {
        this.password = password;
        this.keyFile = keyFile;
    }

    /**
     * A login.
     *
     * @param password the password, copied; empty for none
     * @param keyFile  the private key file; empty for none
     * @return the login
     * @throws IllegalArgumentException when neither is given
     */
    public static NodeLogin of(final Optional<char[]> password, final Optional<Path> keyFile) {
        if (password.isEmpty() && keyFile.isEmpty()) {
            throw new IllegalArgumentException("a login to the nodes needs a password or a key file");
        }
        return new NodeLogin(password.map(char[]::clone).orElse(null), keyFile.orElse(null));
    }

    /** A copy of the password, which the caller should erase. */
    public Optional<char[]> password() {
        return Optional.ofNullable(password).map(char[]::clone);
    }

    /** The private key file. */
    public Optional<Path> keyFile() {
        return Optional.ofNullable(keyFile);
    }

    /** Erases the password. */
    public void erase() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "NodeLogin[" + (password != null ? "password" : "") + (password != null && keyFile != null ? ", " : "")
            + (keyFile != null ? "key " + keyFile : "") + "]";
    }
}
