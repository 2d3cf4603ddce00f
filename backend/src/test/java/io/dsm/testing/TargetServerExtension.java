package io.dsm.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the test class's {@link StartedTarget} servers before its tests and stops them after. */
public final class TargetServerExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : targetFields(context.getRequiredTestClass())) {
            StartedTarget wanted = field.getAnnotation(StartedTarget.class);
            TargetServer server = TargetServer.start(null, TargetServer.config(wanted.serverConfig()));
            field.set(null, wanted.standby() ? server.restartAsStandby() : server);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : targetFields(context.getRequiredTestClass())) {
            if (field.get(null) instanceof TargetServer server) {
                server.close();
                field.set(null, null);
            }
        }
    }

    private static List<Field> targetFields(Class<?> testClass) {
        List<Field> fields = new ArrayList<>();
        for (Field field : testClass.getDeclaredFields()) {
            if (field.isAnnotationPresent(StartedTarget.class)) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != TargetServer.class) {
                    throw new IllegalStateException("@StartedTarget " + field + " must be a static TargetServer");
                }
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }
}
