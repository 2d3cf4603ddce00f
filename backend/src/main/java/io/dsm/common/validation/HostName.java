package io.dsm.common.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An IPv4 address, an IPv6 literal or a DNS name. Characters that could smuggle URL or JDBC syntax
 * are left to a {@code @Pattern} beside it, so that each mistake is reported once.
 */
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HostNameValidator.class)
public @interface HostName {

    String message() default "{constraint.host.name}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
