package io.dsm.audit;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An audit event's changes as stored: a JSON array of {@link Change}, or null when there are none. */
@Converter
public class ChangesColumn implements AttributeConverter<List<Change>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Change> changes) {
        return write(changes);
    }

    @Override
    public List<Change> convertToEntityAttribute(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return JSON.readValue(column, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit record's changes are not valid JSON", e);
        }
    }

    /** The column's value, for writers that bypass the entity manager. */
    public static String write(List<Change> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit changes could not be written as JSON", e);
        }
    }
}
