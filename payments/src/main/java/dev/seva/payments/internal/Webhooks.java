package dev.seva.payments.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The webhook's flow: verify, store (de-duplicated) and enqueue its processing job in one transaction; the answer
 * does not wait for processing. A rejected delivery is audited. Not transactional itself.
 */
@ApplicationScoped
public class Webhooks {

    @Inject
    WebhookIntake intake;

    @Inject
    Tenants tenants;

    /**
     * @return true for a new event, false for a duplicate
     * @throws SevaException 400 WEBHOOK_SIGNATURE_INVALID; 400 TENANT_REQUIRED when no tenant is named
     */
    public boolean receive(byte[] body, String signature, String eventId) {
        tenants.current();
        WebhookIntake.Received r;
        try {
            r = intake.receive(body, signature, eventId);
        } catch (SevaException e) {
            if (e.code() == ErrorCode.WEBHOOK_SIGNATURE_INVALID) {
                intake.auditRejected(eventId, body.length);
            }
            throw e;
        }
        return r.fresh();
    }
}
