package io.dsm.common.i18n;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

/** The language the current request asked for with {@code Accept-Language}: English unless it prefers Chinese. */
@RequestScoped
@Unremovable // looked up by current(), for the JSON of answers, rather than injected
public class RequestLanguage {

    @Inject
    HttpHeaders headers;

    public Locale locale() {
        return headers == null ? Languages.ENGLISH : Languages.choose(headers.getAcceptableLanguages());
    }

    /** The language of the request this thread serves, English where it serves none (the watch, the webhook). */
    public static Locale current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Languages.ENGLISH;
        }
        try {
            return container.instance(RequestLanguage.class).get().locale();
        } catch (RuntimeException e) {
            // A request context a job activated has no HTTP request behind it, so no Accept-Language either.
            return Languages.ENGLISH;
        }
    }

    public String render(Text text) {
        return text.render(locale());
    }
}
