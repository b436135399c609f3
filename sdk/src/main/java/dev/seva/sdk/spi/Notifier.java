package dev.seva.sdk.spi;

import dev.seva.sdk.TenantId;
import java.util.Optional;

/**
 * Sends a notification to a person, on behalf of a tenant (expiry reminders of documents, ...). The default sends
 * e-mail through Jakarta Mail to a configured SMTP server (seva-documents); a partner app replaces it (SMS, WhatsApp,
 * an in-app inbox) with an {@code @Alternative @Priority} bean.
 *
 * <p>
 * Threading: called from background jobs, concurrently. Errors: throw {@link NotificationException} when the message
 * could not be handed over; the job that called retries later with back-off.
 */
public interface Notifier {

    /**
     * @param tenant the firm the message is sent for (its name signs the message)
     * @param recipient an e-mail address
     * @param subject a short subject, no secrets
     * @param body plain text
     * @throws NotificationException when the message could not be sent
     */
    void send(TenantId tenant, String recipient, String subject, String body) throws NotificationException;

    /**
     * @return why this notifier cannot send at all (for example: no SMTP server is configured), or empty when it
     *         can. Callers record a notification as skipped, not failed, while it is unavailable, and do not call
     *         {@link #send}. Default: always available.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** A message that could not be sent. */
    class NotificationException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * @param message why
         * @param cause the underlying failure, may be null
         */
        public NotificationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
