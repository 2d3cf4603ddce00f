package io.dsm.readiness.service;

import java.util.List;
import java.util.Set;

import io.dsm.common.i18n.Text;
import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.ReadinessScope;

/**
 * Something a readiness check found, in words that wait for the reader's language. {@code objects} holds at most {@link #MAX_OBJECTS} of the
 * {@code objectCount} affected objects, so that an answer stays small on a database of any size.
 */
public record Finding(ReadinessCheck check, Set<ReadinessScope> scopes, FindingSeverity severity, Text message, Text hint,
        String fixSql, List<AffectedObject> objects, long objectCount) {

    public static final int MAX_OBJECTS = 50;

    public Finding {
        if (objects.size() > MAX_OBJECTS) {
            objects = objects.subList(0, MAX_OBJECTS);
        }
        objects = List.copyOf(objects);
        scopes = Set.copyOf(scopes);
    }

    public boolean concerns(ReadinessScope scope) {
        return scopes.contains(scope);
    }
}
