package dev.seva.documents.internal;

import dev.seva.sdk.spi.Notifier;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends one expiry reminder ({@value #KIND}, payload: the reminder's id) through the {@link Notifier} to each
 * recipient it was not handed to yet; retried with back-off while the mail server refuses, FAILED after the last
 * attempt. While the notifier is unavailable (no SMTP server configured) the reminder is SKIPPED, not failed.
 */
@ApplicationScoped
public class ReminderSender implements JobHandler {

    /** The job kind. */
    public static final String KIND = "documents.reminders.send";

    private static final Logger LOG = Logger.getLogger(ReminderSender.class.getName());

    @Inject
    DocumentReminders reminders;

    @Inject
    Notifier notifier;

    @Inject
    Tenants tenants;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int maxAttempts() {
        return 6;
    }

    @Override
    public void run(Job job) throws Exception {
        Optional<DocumentReminders.Pending> pending = reminders.pending(job.payload());
        if (pending.isEmpty()) {
            return;
        }
        DocumentReminders.Pending p = pending.get();
        Optional<String> off = notifier.unavailableReason();
        if (off.isPresent()) {
            reminders.finish(p.id(), "SKIPPED", off.get());
            return;
        }
        String firm = tenants.current().name();
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(), p.expiresOn());
        String when = daysLeft <= 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days";
        String subject = "Reminder: " + p.title() + " expires " + when;
        String body = "Hello,\n\nthe document \"" + p.title() + "\" of " + p.entityName() + " expires on "
                + p.expiresOn() + " (" + when + ").\nPlease upload a renewed copy in the portal so that your records"
                + " stay complete.\n\n" + firm + "\n\n(This reminder is sent " + p.daysBefore()
                + " day(s) before the expiry.)\n";
        List<String> failed = new ArrayList<>();
        Notifier.NotificationException last = null;
        for (String to : p.recipients()) {
            if (p.sentTo().contains(to)) {
                continue;
            }
            try {
                notifier.send(job.tenant(), to, subject, body);
                reminders.handedOver(p.id(), to);
            } catch (Notifier.NotificationException e) {
                failed.add(to);
                last = e;
            }
        }
        if (failed.isEmpty()) {
            reminders.finish(p.id(), "SENT", null);
            return;
        }
        String reason = failed.size() + " of " + p.recipients().size() + " recipient(s) not reached: "
                + last.getMessage();
        if (job.attempt() >= maxAttempts()) {
            reminders.finish(p.id(), "FAILED", reason);
            LOG.warning("Expiry reminder " + p.id() + " FAILED after " + job.attempt() + " attempts: " + reason);
            return;
        }
        throw new Notifier.NotificationException(reason, last);
    }
}
