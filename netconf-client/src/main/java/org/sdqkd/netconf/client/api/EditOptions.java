package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The optional parameters of {@code edit-config} (RFC 6241 section 7.2). An absent one is not sent, so the
 * server's default applies (merge, test-then-set, stop-on-error).
 *
 * @param defaultOperation the {@code default-operation}
 * @param testOption the {@code test-option} ({@code :validate} capability)
 * @param errorOption the {@code error-option}
 */
public record EditOptions(Optional<DefaultOperation> defaultOperation, Optional<TestOption> testOption,
        Optional<ErrorOption> errorOption) {

    /** No parameter: the server's defaults. */
    public static final EditOptions DEFAULT = new EditOptions(Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks the components. */
    public EditOptions {
        requireNonNull(defaultOperation);
        requireNonNull(testOption);
        requireNonNull(errorOption);
    }

    /**
     * These options with a default-operation.
     *
     * @param operation the default operation
     * @return the changed options
     */
    public EditOptions withDefaultOperation(final DefaultOperation operation) {
        return new EditOptions(Optional.of(operation), testOption, errorOption);
    }

    /**
     * These options with a test-option.
     *
     * @param option the test option
     * @return the changed options
     */
    public EditOptions withTestOption(final TestOption option) {
        return new EditOptions(defaultOperation, Optional.of(option), errorOption);
    }

    /**
     * These options with an error-option.
     *
     * @param option the error option
     * @return the changed options
     */
    public EditOptions withErrorOption(final ErrorOption option) {
        return new EditOptions(defaultOperation, testOption, Optional.of(option));
    }

    /** The values of {@code default-operation}. */
    public enum DefaultOperation {
        /** {@code merge}. */
        MERGE("merge"),
        /** {@code replace}. */
        REPLACE("replace"),
        /** {@code none}. */
        NONE("none");

        private final String value;

        DefaultOperation(final String value) {
            this.value = value;
        }

        /**
         * The value as sent.
         *
         * @return the element's text
         */
        public String value() {
            return value;
        }
    }

    /** The values of {@code test-option}. */
    public enum TestOption {
        /** {@code test-then-set}. */
        TEST_THEN_SET("test-then-set"),
        /** {@code set}. */
        SET("set"),
        /** {@code test-only} (RFC 6241 section 8.6, {@code :validate:1.1}). */
        TEST_ONLY("test-only");

        private final String value;

        TestOption(final String value) {
            this.value = value;
        }

        /**
         * The value as sent.
         *
         * @return the element's text
         */
        public String value() {
            return value;
        }
    }

    /** The values of {@code error-option}. */
    public enum ErrorOption {
        /** {@code stop-on-error}. */
        STOP_ON_ERROR("stop-on-error"),
        /** {@code continue-on-error}. */
        CONTINUE_ON_ERROR("continue-on-error"),
        /** {@code rollback-on-error} ({@code :rollback-on-error} capability). */
        ROLLBACK_ON_ERROR("rollback-on-error");

        private final String value;

        ErrorOption(final String value) {
            this.value = value;
        }

        /**
         * The value as sent.
         *
         * @return the element's text
         */
        public String value() {
            return value;
        }
    }
}
