package dev.seva.sdk;

/**
 * One field-level problem of a rejected request, shown in the problem's {@code errors[]}.
 *
 * @param field the JSON field, dotted for nested ones ({@code lines[2].amountPaise})
 * @param message what is wrong, for a person to read
 */
public record FieldError(String field, String message) {
}
