package dev.seva.tenant.internal;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.pac4j.core.config.Config;
import org.pac4j.core.matching.matcher.DefaultMatchers;
import org.pac4j.core.authorization.authorizer.DefaultAuthorizers;
import org.pac4j.core.http.callback.QueryParameterCallbackUrlResolver;
import org.pac4j.core.http.url.DefaultUrlResolver;
import org.pac4j.jee.context.JEEContextFactory;
import org.pac4j.jee.context.session.JEESessionStoreFactory;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.SecurityFilter;
import org.pac4j.jee.http.adapter.JEEHttpActionAdapter;

/**
 * Browser sign-in through Pac4j ({@code jakartaee-pac4j}'s filters, registered here, after the tenant filter):
 * <ul>
 * <li>{@code POST /callback?client_name=FormClient}: the sign-in form's e-mail and password ({@link SevaFormClient},
 * {@link SevaPasswordAuthenticator}); {@code GET /callback?client_name=OidcClient}: the tenant's identity provider
 * coming back.</li>
 * <li>{@code /login/complete}: after a form sign-in; {@code /login/oidc}: starts (and, coming back, completes) an
 * OIDC sign-in with the tenant's provider. Both are served by {@link SignInServlet}, which mints the token.</li>
 * </ul>
 * Pac4j only performs the sign-in; the principal afterwards is Seva's MP-JWT in the {@code seva_token} cookie.
 * Pac4j's own CSRF token cookie and security headers are turned off (matchers and authorizers {@code none}):
 * Seva sets its own headers and its own double-submit CSRF cookie.
 */
@WebListener
public class Pac4jSetup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(Pac4jSetup.class.getName());

    @Inject
    AuthService auth;

    @Inject
    OidcClients oidc;

    @Inject
    RequestTenantContext context;

    @Inject
    SignInAudit signInAudit;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        SevaFormClient form = new SevaFormClient(new SevaPasswordAuthenticator(auth));
        TenantClients clients = new TenantClients(form, () -> {
            try {
                return oidc.current();
            } catch (RuntimeException e) {
                // an unreachable provider must not break the password form
                LOG.warning("The tenant's OIDC client is not available: " + OidcClients.describe(e));
                return Optional.empty();
            }
        });
        // relative callback, completed from the request's own scheme and host: every tenant's host is its own
        clients.setCallbackUrl(OidcClients.CALLBACK);
        clients.setUrlResolver(new DefaultUrlResolver(true));
        clients.setCallbackUrlResolver(new QueryParameterCallbackUrlResolver());

        Config config = new Config(clients);
        config.setWebContextFactory(JEEContextFactory.INSTANCE);
        config.setSessionStoreFactory(JEESessionStoreFactory.INSTANCE);
        config.setHttpActionAdapter(JEEHttpActionAdapter.INSTANCE);

        ServletContext ctx = sce.getServletContext();
        EnumSet<DispatcherType> request = EnumSet.of(DispatcherType.REQUEST);
        ctx.addFilter("SevaLoginGuard", new LoginGuardFilter(oidc, context, signInAudit))
                .addMappingForUrlPatterns(request, true, OidcClients.CALLBACK, SignInServlet.OIDC,
                        SignInServlet.COMPLETE, SignInServlet.TOTP);
        CallbackFilter callback = new CallbackFilter(config, SignInServlet.COMPLETE);
        callback.setRenewSession(true);
        ctx.addFilter("SevaPac4jCallback", callback).addMappingForUrlPatterns(request, true, OidcClients.CALLBACK);
        ctx.addFilter("SevaPac4jForm", new SecurityFilter(config, SevaFormClient.NAME, DefaultAuthorizers.NONE,
                DefaultMatchers.NONE)).addMappingForUrlPatterns(request, true, SignInServlet.COMPLETE);
        ctx.addFilter("SevaPac4jOidc", new SecurityFilter(config, OidcClients.NAME, DefaultAuthorizers.NONE,
                DefaultMatchers.NONE)).addMappingForUrlPatterns(request, true, SignInServlet.OIDC);
    }
}
