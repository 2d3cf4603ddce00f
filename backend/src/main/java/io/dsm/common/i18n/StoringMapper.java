package io.dsm.common.i18n;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Makes the {@link StoredTexts} mapper once, from the application's mapper, rather than a copy per reader or per read. */
@Singleton
class StoringMapper {

    @Produces
    @Singleton
    @StoredTexts
    ObjectMapper storing(ObjectMapper json) {
        return TextJson.storing(json);
    }
}
