package org.fuwu.organization.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/** The localised error of each broken field of a form, for showing next to the field. */
final class FormErrors {

    private FormErrors() {
    }

    static Map<String, String> of(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), messages.getMessage(
                "validation." + (f.isBindingFailure() ? "typeMismatch" : f.getCode()), null,
                messages.getMessage("validation.invalid", null, locale), locale)));
        return errors;
    }

    static Map<String, String> of(FieldValidationException e, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), messages.getMessage(f.messageKey(), f.args(), locale)));
        return errors;
    }

    static Map<String, String> of(String field, ConflictException e, MessageSource messages, Locale locale) {
        return Map.of(field, messages.getMessage(e.messageKey(), e.args(), locale));
    }
}
