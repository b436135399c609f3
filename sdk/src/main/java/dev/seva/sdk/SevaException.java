package dev.seva.sdk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception Seva's services throw for a request that cannot be served as asked. It carries a stable
 * {@link ErrorCode}, a detail for a person to read (never secrets or internals) and, for validation, the field
 * errors. The REST layer turns it into an {@code application/problem+json} response.
 */
public class SevaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<FieldError> fieldErrors;
    private final transient Map<String, String> extensions;

    /**
     * @param code the stable error code
     * @param detail what went wrong, for the caller
     */
    public SevaException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    /**
     * @param code the stable error code
     * @param detail what went wrong, for the caller
     * @param fieldErrors field-level problems, may be empty
     */
    public SevaException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extensions = Map.of();
    }

    /**
     * @param code the stable error code
     * @param detail what went wrong, for the caller
     * @param extensions extra members of the problem object (for example {@code existingLeadId}); names must not be
     *        those of the standard members, values are shown as strings
     */
    public SevaException(ErrorCode code, String detail, Map<String, String> extensions) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
        this.fieldErrors = List.of();
        this.extensions = Map.copyOf(extensions);
    }

    /** @return a {@link ErrorCode#VALIDATION_FAILED} exception for one field */
    public static SevaException invalidField(String field, String message) {
        return new SevaException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldError(field, message)));
    }

    /** @return a {@link ErrorCode#NOT_FOUND} exception; also used for another tenant's ids */
    public static SevaException notFound(String what) {
        return new SevaException(ErrorCode.NOT_FOUND, what + " not found.");
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the problem's extra members, empty when there are none */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** @return the field-level problems, empty when there are none */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
