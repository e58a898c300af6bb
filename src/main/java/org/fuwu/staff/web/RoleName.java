package org.fuwu.staff.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.fuwu.platform.Role;

/** The name of a {@link Role}; anything else is refused with 400 naming the field. */
@Documented
@Constraint(validatedBy = RoleName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RoleName {

    String message() default "{validation.RoleName}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (use {@code @NotNull} for that) and exactly the names of the roles. */
    class Validator implements ConstraintValidator<RoleName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (Role r : Role.values()) {
                if (r.name().equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
