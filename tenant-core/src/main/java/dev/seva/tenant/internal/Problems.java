package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds RFC 9457 {@code application/problem+json} bodies: the one shape every Seva error has. */
public final class Problems {

    /** The problem media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "code", "requestId",
            "errors", "instance");

    private Problems() {
    }

    /**
     * @return the problem object: {@code type, title, status, detail, code, requestId} and {@code errors[]} when
     *         there are field errors
     */
    public static JsonObject body(ErrorCode code, String detail, String requestId, List<FieldError> errors) {
        return body(code, detail, requestId, errors, Map.of());
    }

    /**
     * @return {@link #body(ErrorCode, String, String, List)} with extra members (a standard member's name is
     *         ignored)
     */
    public static JsonObject body(ErrorCode code, String detail, String requestId, List<FieldError> errors,
            Map<String, String> extensions) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", code.type()).add("title", code.title())
                .add("status", code.status()).add("detail", detail == null ? code.title() : detail)
                .add("code", code.code());
        if (requestId != null) {
            b.add("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            errors.forEach(e -> a.add(Json.createObjectBuilder().add("field", e.field()).add("message",
                    e.message())));
            b.add("errors", a);
        }
        extensions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !STANDARD.contains(e.getKey()) && e.getValue() != null)
                .forEach(e -> b.add(e.getKey(), e.getValue()));
        return b.build();
    }

    /** Writes a problem directly to a servlet response (filters, error pages). */
    public static void write(HttpServletResponse res, ErrorCode code, String detail, String requestId,
            List<FieldError> errors) throws IOException {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer(); // keeps headers (Retry-After, X-Request-Id), drops any body
        res.setStatus(code.status());
        res.setContentType(MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        byte[] bytes = body(code, detail, requestId, errors).toString().getBytes(StandardCharsets.UTF_8);
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    /** @return the value in quotes, shortened and stripped of control characters, safe to echo in a detail */
    public static String quote(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "");
        return "'" + (v.length() > 80 ? v.substring(0, 80) + "…" : v) + "'";
    }

    /** @return the error code for an HTTP status the container or a framework answered with */
    public static ErrorCode codeForStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }
}
