package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seva.documents.DocumentType;
import dev.seva.reference.it.Api.Tenant;
import dev.seva.tenant.EntityType;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lists of types the portal's forms offer come from the API ({@code GET /entity-types}, {@code GET
 * /document-types}): every constant of the enum, in its order, each with a name for people; to anyone signed in to
 * the firm (a client too), to no one else.
 */
class TypeListsIT {

    private static List<JsonObject> list(String path, String token, Api.TestTenant t) {
        return get(path, t.t(), token).expect(200).json().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static void assertNamed(List<JsonObject> types, List<String> codes) {
        assertEquals(codes, types.stream().map(o -> o.getString("code")).toList());
        types.forEach(o -> assertFalse(o.getString("name").isBlank(), o.toString()));
    }

    @Test
    void everyEntityTypeWithItsNameToAnyoneOfTheFirm() {
        var t = Api.newTenant("types");
        var client = Api.newUser(t, "CLIENT");
        List<String> codes = Arrays.stream(EntityType.values()).map(Enum::name).toList();
        for (String token : List.of(t.adminToken(), client.token())) {
            assertNamed(list("/api/v1/entity-types", token, t), codes);
        }
        assertEquals("Private limited company", list("/api/v1/entity-types", client.token(), t).get(0)
                .getString("name"));
        get("/api/v1/entity-types", t.t(), null).problem(401, "AUTHENTICATION_REQUIRED");
        get("/api/v1/entity-types", Tenant.NONE, Api.platformToken()).problem(403, "FORBIDDEN");
    }

    @Test
    void everyDocumentTypeWithTheNameThePortalShows() {
        var t = Api.newTenant("doctypes");
        var agent = Api.newUser(t, "AGENT");
        List<String> codes = Arrays.stream(DocumentType.values()).map(Enum::name).toList();
        for (String token : List.of(t.adminToken(), agent.token())) {
            assertNamed(list("/api/v1/document-types", token, t), codes);
        }
        assertEquals("GST registration certificate", list("/api/v1/document-types", agent.token(), t).stream()
                .filter(o -> o.getString("code").equals("GST_CERTIFICATE")).findFirst().orElseThrow()
                .getString("name"));
        get("/api/v1/document-types", t.t(), null).problem(401, "AUTHENTICATION_REQUIRED");
    }
}
