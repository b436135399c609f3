package dev.seva.tenant.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds the browser sign-in paths to {@code /openapi}: they are servlets and Pac4j filters, not JAX-RS resources, so
 * the annotation scan cannot see them. Registered by {@code mp.openapi.model.reader}.
 */
public class BrowserSignInOpenApi implements OASModelReader {

    private static final String TAG = "Browser sign-in";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/callback", OASFactory.createPathItem()
                        .POST(op("Sign-in form (client_name=FormClient): username (e-mail), password, optional next;"
                                + " 303 to /login/complete, /login/totp.html (second factor due) or"
                                + " /login/?error=INVALID_CREDENTIALS|RATE_LIMITED",
                                form("username", "password", "next"), query("client_name")))
                        .GET(op("The tenant's OIDC provider coming back (client_name=OidcClient, code, state);"
                                + " 302 to /login/oidc, or 303 /login/?error=OIDC_FAILED", null,
                                query("client_name"))))
                .addPathItem("/login/complete", OASFactory.createPathItem()
                        .GET(op("Ends a form sign-in: sets the seva_token (HttpOnly, SameSite=Lax) and seva_csrf"
                                + " cookies and answers 303 to next (a path under /app/) or /app/", null)))
                .addPathItem("/login/totp", OASFactory.createPathItem()
                        .POST(op("Second factor of a pending form sign-in (5 minutes): code (TOTP or recovery"
                                + " code); 303 to next with the cookies, /login/totp.html?error=TOTP_INVALID or"
                                + " /login/?error=SIGN_IN_EXPIRED|RATE_LIMITED", form("code"))))
                .addPathItem("/login/oidc", OASFactory.createPathItem()
                        .GET(op("Starts (and, coming back, ends) an OIDC sign-in with the tenant's provider;"
                                + " 303 to next with the cookies, or /login/?error=OIDC_FAILED", null,
                                query("next"))))
                .addPathItem("/logout", OASFactory.createPathItem()
                        .POST(op("Signs out: csrf must equal the seva_csrf cookie (else 403 CSRF_FAILED); revokes"
                                + " the token, clears both cookies, 303 to /login/?signedOut=1", form("csrf")))));
    }

    private static Operation op(String summary, Schema formBody, Parameter... params) {
        Operation o = OASFactory.createOperation().summary(summary).addTag(TAG)
                .responses(OASFactory.createAPIResponses().addAPIResponse("303", redirect()));
        for (Parameter p : params) {
            o.addParameter(p);
        }
        if (formBody != null) {
            o.requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                    .addMediaType("application/x-www-form-urlencoded", OASFactory.createMediaType().schema(
                            formBody))));
        }
        return o;
    }

    private static APIResponse redirect() {
        return OASFactory.createAPIResponse().description("See Other (a same-origin path in Location)");
    }

    private static Schema form(String... fields) {
        Schema s = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        for (String f : fields) {
            s.addProperty(f, OASFactory.createSchema().type(Schema.SchemaType.STRING));
        }
        return s;
    }

    private static Parameter query(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).schema(OASFactory.createSchema().type(
                Schema.SchemaType.STRING));
    }
}
