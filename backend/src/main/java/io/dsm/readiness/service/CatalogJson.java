package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows that a catalog query nests into one answer with json_agg: several row sets in one
 * statement, so that a fresh backend plans and reads the shared part once.
 */
final class CatalogJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogJson() {
    }

    /** The JSON array in the column, as its elements; an empty list for SQL NULL (json_agg of no rows). */
    static List<JsonNode> rows(ResultSet row, int column) throws SQLException {
        return elements(row.getString(column));
    }

    /** The JSON array in the labelled column, as its elements; an empty list for SQL NULL. */
    static List<JsonNode> rows(ResultSet row, String label) throws SQLException {
        return elements(row.getString(label));
    }

    private static List<JsonNode> elements(String text) throws SQLException {
        if (text == null) {
            return List.of();
        }
        try {
            List<JsonNode> rows = new ArrayList<>();
            JSON.readTree(text).forEach(rows::add);
            return rows;
        } catch (JsonProcessingException e) {
            throw new SQLException("The server's JSON could not be read: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON array of strings, or an empty list for null. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    /** A JSON column read by its label, or null for SQL NULL. */
    static JsonNode column(ResultSet row, String label) throws SQLException {
        String text = row.getString(label);
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("The server's JSON could not be read: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
