package io.dsm.readiness.service;

/** A table, slot or publication a finding is about, with what is wrong with it when that differs per object. */
public record AffectedObject(String name, String detail) {

    /** Aggregated by the catalog queries as {@code name} or {@code name<TAB>detail}. */
    static AffectedObject parse(String aggregated) {
        int tab = aggregated.indexOf('\t');
        return tab < 0 ? new AffectedObject(aggregated, null)
                : new AffectedObject(aggregated.substring(0, tab), aggregated.substring(tab + 1));
    }
}
