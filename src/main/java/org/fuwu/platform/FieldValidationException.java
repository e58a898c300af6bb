package org.fuwu.platform;

import java.util.List;

/** Input that breaks a business rule of a named field, such as a bad ID check digit. Answered with 422. */
public class FieldValidationException extends RuntimeException {

    /** One broken field: its name as the caller sent it, and the message key that explains it. */
    public record FieldError(String field, String messageKey, Object... args) {
    }

    private final List<FieldError> errors;

    public FieldValidationException(List<FieldError> errors) {
        super("invalid fields: " + errors.stream().map(FieldError::field).toList());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static FieldValidationException of(String field, String messageKey, Object... args) {
        return new FieldValidationException(List.of(new FieldError(field, messageKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
