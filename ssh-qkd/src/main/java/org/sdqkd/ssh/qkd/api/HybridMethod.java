package org.sdqkd.ssh.qkd.api;

import java.util.Locale;

/**
 * The hybrid QKD key exchange methods. Each is an SSH key exchange method name of the {@code name@domain} form
 * (RFC 4250 section 4.6.1); the module README specifies both.
 */
public enum HybridMethod {
    /** ML-KEM-768, X25519 and a QKD key: {@value #MLKEM768_X25519_QKD_NAME}. */
    MLKEM768_X25519_QKD(HybridMethod.MLKEM768_X25519_QKD_NAME, "mlkem768-x25519-qkd"),
    /** X25519 and a QKD key: {@value #X25519_QKD_NAME}. */
    X25519_QKD(HybridMethod.X25519_QKD_NAME, "x25519-qkd");

    /** The SSH name of ML-KEM-768 + X25519 + QKD. */
    public static final String MLKEM768_X25519_QKD_NAME = "mlkem768x25519-qkd-sha256@sdqkd.org";
    /** The SSH name of X25519 + QKD. */
    public static final String X25519_QKD_NAME = "x25519-qkd-sha256@sdqkd.org";

    private final String sshName;
    private final String identity;

    HybridMethod(final String sshName, final String identity) {
        this.sshName = sshName;
        this.identity = identity;
    }

    /** The name in SSH's key exchange negotiation. */
    public String sshName() {
        return sshName;
    }

    /** The identity of {@code sdqkd-ssh-qkd} that names this method in configuration. */
    public String yangIdentity() {
        return identity;
    }

    /**
     * The method of a YANG identity name, with or without a module prefix.
     *
     * @param name such as {@code x25519-qkd} or {@code sdqkd-ssh:x25519-qkd}
     * @return the method
     * @throws IllegalArgumentException for an unknown name
     */
    public static HybridMethod ofYangIdentity(final String name) {
        final String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        for (HybridMethod method : values()) {
            if (method.identity.equals(local)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown hybrid key exchange method '" + name
            + "': expected mlkem768-x25519-qkd or x25519-qkd");
    }

    /**
     * The method of an SSH name.
     *
     * @param sshName the negotiated key exchange name
     * @return the method, or null when the name is not a hybrid QKD method
     */
    public static HybridMethod ofSshName(final String sshName) {
        for (HybridMethod method : values()) {
            if (method.sshName.equals(sshName)) {
                return method;
            }
        }
        return null;
    }
}
