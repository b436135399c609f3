package dev.seva.tenant.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key's scopes allow: each scope names an area of the API and read (GET) or write (anything else). Paths
 * outside every area (users, API keys, settings, audit, the platform) are never open to API keys: those are for
 * people.
 */
public final class ApiKeyScopes {

    /** An area: path prefixes (after {@code /api/v1/}) and the scope name's first part. */
    private record Area(String scope, List<String> prefixes, List<String> contains) {
        boolean matches(String path) {
            return prefixes.stream().anyMatch(path::startsWith) || contains.stream().anyMatch(path::contains);
        }
    }

    // documents before entities: /entities/{id}/documents and /entities/{id}/checklist are the vault's
    private static final List<Area> AREAS = List.of(
            new Area("documents", List.of("documents", "document-requirements"), List.of("/documents", "/checklist")),
            new Area("entities", List.of("entities"), List.of()),
            new Area("invoices", List.of("invoices", "payments/"), List.of()),
            new Area("agents", List.of("agents", "leads", "commission-plans", "payout-runs"), List.of()));

    /** Every scope a key can have. */
    public static final Set<String> ALL = Set.of("entities:read", "entities:write", "documents:read",
            "documents:write", "invoices:read", "invoices:write", "agents:read", "agents:write");

    private ApiKeyScopes() {
    }

    /**
     * @param method the HTTP method
     * @param path the path below {@code /api/v1/}, without a leading slash
     * @return the scope the call needs, or empty when API keys may not make it at all
     */
    public static Optional<String> required(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (Area a : AREAS) {
            if (a.matches(p)) {
                boolean read = "GET".equals(method) || "HEAD".equals(method);
                return Optional.of(a.scope() + (read ? ":read" : ":write"));
            }
        }
        return Optional.empty();
    }
}
