package io.dsm.console;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * The console is a single-page app: its pages (/sign-in, /audit, /users...) exist only in the
 * browser, so a reload or a bookmark of one must get index.html, as nginx's try_files does in the
 * Compose setup. Paths with a dot are files, and /api and /q are never the console's.
 */
@Singleton
public class ConsoleRoutes {

    static final String PAGES = "^/(?!api(?:/|$)|q(?:/|$))[^.]+$";

    void install(@Observes Router router) {
        router.getWithRegex(PAGES).handler(context -> {
            String accept = context.request().getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                context.reroute("/");
            } else {
                context.next();
            }
        });
    }
}
