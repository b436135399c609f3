package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.internal.Problems;
import dev.seva.tenant.internal.RequestTenantContext;
import dev.seva.tenant.internal.Throttles;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: every {@link Throwable} that leaves a resource becomes problem+json with a stable code.
 * Seva's own exceptions keep their code; framework ones get the code of their status; anything unexpected is logged
 * with the request id and answered 500 {@code INTERNAL_ERROR}, without its message or stack trace.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Inject
    RequestTenantContext request;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof Throttles.Limited l) {
            return Response.fromResponse(problem(l.code(), l.getMessage(), List.of()))
                    .header("Retry-After", l.retryAfterSeconds()).build();
        }
        if (e instanceof SevaException s) {
            return problem(s.code(), s.getMessage(), s.fieldErrors(), s.extensions());
        }
        if (e instanceof ConstraintViolationException cv) {
            List<FieldError> errors = cv.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
            return problem(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
        if (causedBy(e, JsonbException.class) || causedBy(e, JsonException.class)
                || e instanceof ProcessingException) {
            return problem(ErrorCode.MALFORMED_REQUEST,
                    "The body is not valid JSON of the expected shape.", List.of());
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status < 500) {
                ErrorCode code = Problems.codeForStatus(status);
                return problem(code, code == ErrorCode.MALFORMED_REQUEST
                        ? "The request could not be read."
                        : code.title() + ".", List.of());
            }
        }
        if (causedBy(e, OptimisticLockException.class)) {
            return problem(ErrorCode.CONCURRENT_MODIFICATION,
                    "Someone else changed this meanwhile; read it again and retry.", List.of());
        }
        if (isUniqueViolation(e)) {
            return problem(ErrorCode.CONFLICT, "This conflicts with data stored meanwhile; read again and retry.",
                    List.of());
        }
        LOG.log(Level.SEVERE, "Unhandled error, request " + request.requestId(), e);
        return problem(ErrorCode.INTERNAL_ERROR,
                "Something went wrong on our side. Quote request " + request.requestId() + " to support.", List.of());
    }

    private Response problem(ErrorCode code, String detail, List<FieldError> errors) {
        return problem(code, detail, errors, Map.of());
    }

    private Response problem(ErrorCode code, String detail, List<FieldError> errors, Map<String, String> extensions) {
        Response.ResponseBuilder b = Response.status(code.status()).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(code, detail, request.requestId(), errors, extensions).toString());
        if (code.status() == 401) {
            b.header("WWW-Authenticate", "Bearer");
        }
        return b.build();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
