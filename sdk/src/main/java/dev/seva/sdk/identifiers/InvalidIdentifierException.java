package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;

/** A value that is not a valid identifier of its kind; the message says why, for a person to read. */
public class InvalidIdentifierException extends SevaException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code the identifier's error code ({@link ErrorCode#INVALID_PAN}, ...)
     * @param message why the value is invalid
     */
    public InvalidIdentifierException(ErrorCode code, String message) {
        super(code, message);
    }
}
