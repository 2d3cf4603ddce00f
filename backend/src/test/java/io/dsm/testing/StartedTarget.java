package io.dsm.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A static {@link TargetServer} field that {@link TargetServerExtension} starts before the class's
 * first test and stops after its last:
 *
 * <pre>
 * &#64;StartedTarget
 * static TargetServer target;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TargetServerExtension.class)
public @interface StartedTarget {

    /** Restarted as a standby (in recovery, read-only) once set up. */
    boolean standby() default false;

    /** Server settings, as names and values in turn: {@code {"ssl", "on"}}. */
    String[] serverConfig() default {};
}
