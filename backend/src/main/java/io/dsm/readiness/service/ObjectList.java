package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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

    /**
     * A list as the catalog queries build it: {@code {"count": n, "objects": [{"name": …, "detail": …}]}}, each detail as {@link DetailTexts} writes it.
     * JSON carries every character of a name, so none is ever split or mangled; SQL NULL is no list.
     */
    static ObjectList of(JsonNode list) {
        if (list == null || list.isNull()) {
            return NONE;
        }
        List<AffectedObject> shown = new ArrayList<>();
        JsonNode objects = list.get("objects");
        if (objects != null) {
            objects.forEach(o -> shown.add(new AffectedObject(CatalogJson.text(o, "name"), DetailTexts.read(o.get("detail")))));
        }
        JsonNode count = list.get("count");
        return new ObjectList(shown, count == null ? shown.size() : count.asLong());
    }

    List<String> names() {
        return shown.stream().map(AffectedObject::name).toList();
    }
}
