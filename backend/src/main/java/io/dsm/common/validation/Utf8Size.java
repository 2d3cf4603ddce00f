package io.dsm.common.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * At most {@code max} bytes in UTF-8, as PostgreSQL counts identifiers (NAMEDATALEN - 1 = 63).
 * Pair it with {@code @Size(max = ...)}: a value that is too long in characters is reported by
 * that, and this one reports only what is short enough in characters but too long in bytes.
 */
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Utf8SizeValidator.class)
public @interface Utf8Size {

    int max();

    String message() default "must be at most {max} bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
