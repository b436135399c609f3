package dev.seva.tenant.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Seva's REST API at {@code /api/v1}, authenticated by MP-JWT. Every Seva module's resources join it; a partner app
 * that adds the jars gets them without an application class of its own.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "seva")
@OpenAPIDefinition(info = @Info(title = "Seva API", version = "v1", description = "Multi-tenant client portal for service firms. Name the tenant by host"
        + " (<slug>.localhost) or the X-Seva-Tenant header; errors are application/problem+json."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SevaApplication extends Application {
}
