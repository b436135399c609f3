package dev.seva.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pac4j.core.client.Client;
import org.pac4j.core.client.Clients;

/**
 * Pac4j's clients, per request: the password form for everyone, plus the OIDC client of the request's tenant when
 * it configured one (built from its settings, see {@link OidcClients}). Every tenant's OIDC client has the same name,
 * {@value OidcClients#NAME}; which provider it talks to depends on the host the browser is on, and the HTTP session
 * that holds the sign-in's state, nonce and PKCE verifier belongs to that host too.
 */
class TenantClients extends Clients {

    private final Supplier<Optional<Client>> tenantOidc;

    TenantClients(Client form, Supplier<Optional<Client>> tenantOidc) {
        super(form);
        this.tenantOidc = tenantOidc;
    }

    @Override
    public Optional<Client> findClient(String name) {
        if (OidcClients.NAME.equalsIgnoreCase(name == null ? null : name.strip())) {
            return tenantOidc.get();
        }
        return super.findClient(name);
    }

    @Override
    public List<Client> findAllClients() {
        List<Client> all = new ArrayList<>(super.findAllClients());
        tenantOidc.get().ifPresent(all::add);
        return all;
    }
}
