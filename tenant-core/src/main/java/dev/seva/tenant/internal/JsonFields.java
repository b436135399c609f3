package dev.seva.tenant.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading fields of a merge-patch body ({@code PATCH} requests take a {@link JsonObject}). */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * @return the field as text: a JSON string's value, any other value as JSON text, null when the field is absent
     *         or JSON {@code null}
     */
    public static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}
