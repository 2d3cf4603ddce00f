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

    public String actor() {
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
