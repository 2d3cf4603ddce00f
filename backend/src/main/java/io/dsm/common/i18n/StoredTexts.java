package io.dsm.common.i18n;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The application's {@code ObjectMapper} for what dsm stores to answer later: every {@link Text} as its key and arguments
 * ({@link TextJson#storing}), so that each reader gets their own language. One instance, made once by
 * {@link StoringMapper}.
 */
@Qualifier
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE })
public @interface StoredTexts {
}
