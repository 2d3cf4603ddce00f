package io.dsm.common.i18n;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/** The language the current request asked for with {@code Accept-Language}: English unless it prefers Chinese. */
@RequestScoped
public class RequestLanguage {

    @Inject
    HttpHeaders headers;

    public Locale locale() {
        return headers == null ? Languages.ENGLISH : Languages.choose(headers.getAcceptableLanguages());
    }

    public String render(Text text) {
        return text.render(locale());
    }
}
