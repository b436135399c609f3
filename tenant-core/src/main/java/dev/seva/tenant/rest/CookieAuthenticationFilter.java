package dev.seva.tenant.rest;

import dev.seva.tenant.internal.BrowserSession;
import dev.seva.tenant.internal.TokenPrecheck;
import jakarta.inject.Inject;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * Signs in a request that carries its token in the {@code seva_token} cookie. Liberty authenticates a request for a
 * resource that the web container does not itself protect only when it brings an {@code Authorization} header; a
 * browser brings the cookie instead. For a resource that needs a role, this asks the server to authenticate the
 * request ({@link HttpServletRequest#authenticate}), which runs the cookie's {@code <mpJwt>} configuration. A cookie
 * that is visibly not a good token (forged, expired, garbage: {@link TokenPrecheck}) is not handed to the server,
 * which would log an error and an FFDC report for it; the request stays anonymous and {@link AccessFilter} answers
 * 401. Public resources never look at the cookie.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 5)
public class CookieAuthenticationFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    TokenPrecheck precheck;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        if (ctx.getHeaderString(HttpHeaders.AUTHORIZATION) != null || request.getUserPrincipal() != null
                || !AccessFilter.needsRole(resource.getResourceMethod(), resource.getResourceClass())
                || !BrowserSession.cookie(request, BrowserSession.TOKEN_COOKIE).map(precheck::plausible).orElse(
                        false)) {
            return;
        }
        try {
            // the server's own challenge for a bad cookie must not reach the client: AccessFilter answers it
            request.authenticate(new Unanswered(response));
        } catch (ServletException e) {
            // not authenticated: stays anonymous
        }
    }

    /** A response the server's authentication cannot answer through. */
    private static final class Unanswered extends HttpServletResponseWrapper {
        Unanswered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc, String msg) {
            // swallowed
        }

        @Override
        public void sendError(int sc) {
            // swallowed
        }

        @Override
        public void setStatus(int sc) {
            // swallowed
        }

        @Override
        public void setHeader(String name, String value) {
            // swallowed
        }

        @Override
        public void addHeader(String name, String value) {
            // swallowed
        }

        @Override
        public void sendRedirect(String location) {
            // swallowed
        }
    }
}
