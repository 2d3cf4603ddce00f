package io.dsm.common.i18n;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Answers carry every {@link Text} as a sentence in the request's language. */
@Singleton
public class TextJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(TextJson.rendering());
    }
}
