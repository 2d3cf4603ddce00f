package io.dsm.datasource;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the mode as libpq spells it, the same word the API uses. */
@Converter(autoApply = true)
public class TlsModeConverter implements AttributeConverter<TlsMode, String> {

    @Override
    public String convertToDatabaseColumn(TlsMode mode) {
        return mode == null ? null : mode.value();
    }

    @Override
    public TlsMode convertToEntityAttribute(String value) {
        return value == null ? null : TlsMode.fromValue(value);
    }
}
