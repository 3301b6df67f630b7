package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The parameters of {@code commit} for the {@code :confirmed-commit:1.1} capability (RFC 6241 section 8.4).
 *
 * @param confirmed whether this is a confirmed commit, rolled back unless confirmed in time
 * @param confirmTimeout the time to confirm, if not the server's default of 600 s; only with {@code confirmed}
 * @param persist a token that makes the confirmed commit survive the session, to confirm or cancel it from
 *     another one; only with {@code confirmed}
 * @param persistId the token of a persistent confirmed commit that this commit confirms
 */
public record CommitOptions(boolean confirmed, Optional<Duration> confirmTimeout, Optional<String> persist,
        Optional<String> persistId) {

    /** A plain commit. */
    public static final CommitOptions PLAIN = new CommitOptions(false, Optional.empty(), Optional.empty(),
        Optional.empty());

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a timeout or persist is given without confirmed, or the timeout is not
     *     a positive number of seconds
     */
    public CommitOptions {
        requireNonNull(confirmTimeout);
        requireNonNull(persist);
        requireNonNull(persistId);
        if (!confirmed && (confirmTimeout.isPresent() || persist.isPresent())) {
            throw new IllegalArgumentException("confirm-timeout and persist need a confirmed commit");
        }
        confirmTimeout.ifPresent(timeout -> {
            if (timeout.toSeconds() < 1) {
                throw new IllegalArgumentException("confirm-timeout below one second: " + timeout);
            }
        });
    }

    /**
     * A confirmed commit with the server's default timeout.
     *
     * @return the options
     */
    public static CommitOptions confirmedCommit() {
        return new CommitOptions(true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A confirmed commit with a timeout.
     *
     * @param timeout the time to confirm, in whole seconds
     * @return the options
     */
    public static CommitOptions confirmedCommit(final Duration timeout) {
        return new CommitOptions(true, Optional.of(timeout), Optional.empty(), Optional.empty());
    }

    /**
     * The commit that confirms a persistent confirmed commit.
     *
     * @param persistId the token given as persist
     * @return the options
     */
    public static CommitOptions confirming(final String persistId) {
        return new CommitOptions(false, Optional.empty(), Optional.empty(), Optional.of(persistId));
    }

    /**
     * These options with a persist token.
     *
     * @param token the token
     * @return the changed options
     */
    public CommitOptions withPersist(final String token) {
        return new CommitOptions(confirmed, confirmTimeout, Optional.of(token), persistId);
    }

    /**
     * These options with a persist-id, confirming or extending a persistent confirmed commit.
     *
     * @param token the token given as persist
     * @return the changed options
     */
    public CommitOptions withPersistId(final String token) {
        return new CommitOptions(confirmed, confirmTimeout, persist, Optional.of(token));
    }
}
