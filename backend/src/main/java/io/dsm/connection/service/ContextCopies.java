package io.dsm.connection.service;

/**
 * pgjdbc instantiates its plugins (socket factory, password plugin) through its own class loader. Where that is not the
 * application's (Quarkus tests load the driver parent-first), such a plugin is a second copy of its class, with second
 * copies of the registries it reads. This finds the application's copy of a registry, through the thread's context class
 * loader, as the value of a public static field of a JDK type both copies share.
 */
final class ContextCopies {

    private ContextCopies() {
    }

    /**
     * @return the field {@code field} of the context class loader's copy of {@code owner}; null where that copy is
     *         {@code owner} itself, or cannot be read
     */
    static <T> T field(Class<?> owner, String field, Class<T> type) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == owner.getClassLoader()) {
            return null;
        }
        try {
            return type.cast(Class.forName(owner.getName(), true, context).getField(field).get(null));
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }
}
