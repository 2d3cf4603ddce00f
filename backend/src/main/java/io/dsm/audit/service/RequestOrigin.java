package io.dsm.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is acting and from which address, for the current request. The address is the peer's, or
 * the client's as forwarded by a trusted proxy when quarkus.http.proxy.proxy-address-forwarding is
 * on. Outside a request (start-up work), the actor is "system".
 */
@ApplicationScoped
public class RequestOrigin {

    public static final String SYSTEM = "system";

    private final Instance<CurrentVertxRequest> request;
    private final Instance<CurrentIdentityAssociation> identity;

    public RequestOrigin(Instance<CurrentVertxRequest> request, Instance<CurrentIdentityAssociation> identity) {
        this.request = request;
        this.identity = identity;
    }

    /** Work done on behalf of someone other than a signed-in user, such as {@code provisioning:orders.yaml}. */
    private static final ThreadLocal<String> ACTING_AS = new ThreadLocal<>();

    /** Runs the work with every audit record it writes attributed to {@code actor}. */
    public static <T> T actingAs(String actor, java.util.function.Supplier<T> work) {
        String before = ACTING_AS.get();
        ACTING_AS.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING_AS.remove();
            } else {
                ACTING_AS.set(before);
            }
        }
    }

    public String actor() {
        String acting = ACTING_AS.get();
        if (acting != null) {
            return acting;
        }
        try {
            var current = identity.get().getIdentity();
            return current.isAnonymous() ? null : current.getPrincipal().getName();
        } catch (ContextNotActiveException | IllegalStateException e) {
            return SYSTEM;
        }
    }

    public String address() {
        try {
            RoutingContext context = request.get().getCurrent();
            return context == null ? null : addressOf(context);
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    public static String addressOf(RoutingContext context) {
        var remote = context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
