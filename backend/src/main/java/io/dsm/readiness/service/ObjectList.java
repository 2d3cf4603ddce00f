package io.dsm.readiness.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The first objects of a finding, as the catalog query capped them, and how many there are in all. */
record ObjectList(List<AffectedObject> shown, long total) {

    static final ObjectList NONE = new ObjectList(List.of(), 0);

    boolean isEmpty() {
        return total == 0;
    }

    boolean truncated() {
        return total > shown.size();
    }

    static ObjectList of(List<AffectedObject> objects) {
        return new ObjectList(objects.size() > Finding.MAX_OBJECTS ? objects.subList(0, Finding.MAX_OBJECTS) : objects,
                objects.size());
    }

    /** A count column followed by a text[] column of {@code name} or {@code name<TAB>detail}. */
    static ObjectList read(ResultSet row, int countColumn) throws SQLException {
        long total = row.getLong(countColumn);
        List<AffectedObject> shown = new ArrayList<>();
        for (String aggregated : strings(row, countColumn + 1)) {
            shown.add(AffectedObject.parse(aggregated));
        }
        return new ObjectList(shown, total);
    }

    static List<String> strings(ResultSet row, int column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return values;
    }

    List<String> names() {
        return shown.stream().map(AffectedObject::name).toList();
    }
}
