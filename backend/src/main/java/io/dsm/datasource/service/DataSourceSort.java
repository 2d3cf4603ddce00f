package io.dsm.datasource.service;

import java.util.Arrays;
import java.util.Optional;

/** The orders the list offers; every one ends on the id so that pages never overlap. */
public enum DataSourceSort {
    CREATED_AT_ASC("createdAt", "createdAt asc, id asc"),
    CREATED_AT_DESC("-createdAt", "createdAt desc, id desc"),
    IDENTIFIER_ASC("identifier", "lower(identifier) asc, id asc"),
    IDENTIFIER_DESC("-identifier", "lower(identifier) desc, id desc");

    private final String parameter;
    private final String orderBy;

    DataSourceSort(String parameter, String orderBy) {
        this.parameter = parameter;
        this.orderBy = orderBy;
    }

    public static Optional<DataSourceSort> fromParameter(String parameter) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
    }

    public String parameter() {
        return parameter;
    }

    String orderBy() {
        return orderBy;
    }
}
