package org.sdqkd.datastore.api;

import java.util.List;

/**
 * The outcome of validating data: every error found, empty when the data is valid.
 *
 * @param errors the errors, in the order they were found
 */
public record ValidationResult(List<ValidationError> errors) {
    private static final ValidationResult VALID = new ValidationResult(List.of());

    public ValidationResult {
        errors = List.copyOf(errors);
    }

    /** The result of valid data. */
    public static ValidationResult valid() {
        return VALID;
    }

    /** A result holding a single error. */
    public static ValidationResult of(final ValidationError error) {
        return new ValidationResult(List.of(error));
    }

    /** Whether no error was found. */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
