package org.sdqkd.testsupport.peers;

import java.time.Duration;
import java.util.List;

/**
 * The local Unix account that clients log in as on the private sshd in front of netconfd. sshd runs the
 * {@code netconf} subsystem as this user, so it must exist on the host. Creating it needs root, as tests run
 * here and in CI.
 */
final class TestUser {

    /** The user name. */
    static final String NAME = "nctest";
    /** Its password (a test password, used only on loopback). */
    static final String PASSWORD = "nctest";

    private static boolean ready;

    private TestUser() {
    }

    /**
     * Creates the user with a home directory and {@code /bin/bash} if it does not exist, and sets its password.
     * Safe to call again, and from another JVM at the same time (an account created meanwhile is accepted).
     *
     * @throws IllegalStateException if this JVM does not run as root or the user cannot be created
     */
    static synchronized void ensure() {
        if (ready) {
            return;
        }
        if (!exists()) {
            if (!"root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("The test user " + NAME + " does not exist and only root can create it;"
                    + " run the tests as root or create it: useradd -m -s /bin/bash " + NAME);
            }
            HostTools.Result created = HostTools.run(List.of("useradd", "-m", "-s", "/bin/bash", NAME), "",
                Duration.ofSeconds(30));
            // 9: created by someone else meanwhile
            if (created.exitCode() != 0 && created.exitCode() != 9) {
                throw new IllegalStateException("useradd " + NAME + " failed: " + created.output().strip());
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            setPassword();
        }
        ready = true;
    }

    private static boolean exists() {
        return HostTools.run(List.of("getent", "passwd", NAME), "", Duration.ofSeconds(10)).exitCode() == 0;
    }

    private static void setPassword() {
        // chpasswd takes the shadow file lock; another process holding it briefly makes it fail, so retry
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                HostTools.check(List.of("chpasswd"), NAME + ":" + PASSWORD + "\n");
                return;
            } catch (IllegalStateException e) {
                last = e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }
}
