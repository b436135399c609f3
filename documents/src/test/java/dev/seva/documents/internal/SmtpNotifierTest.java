package dev.seva.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.Notifier;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default notifier against a local SMTP server (GreenMail on 127.0.0.1). */
class SmtpNotifierTest {

    private static final TenantId TENANT = new TenantId("11111111-1111-1111-1111-111111111111");
    private static final String PASSWORD = "smtp-s3cret-Pa55";

    private GreenMail smtp;
    private int port;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Logger.getLogger(SmtpNotifier.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(SmtpNotifier.class.getName()).removeHandler(capture);
        smtp.stop();
    }

    @Test
    void sendsPlainTextMail() throws Exception {
        SmtpNotifier n = new SmtpNotifier("127.0.0.1", port, false, null, null, "vault@firm.test", null);
        assertTrue(n.unavailableReason().isEmpty());
        n.send(TENANT, "client@example.in", "Reminder: PAN card expires in 7 days", "Hello,\nrenew it ₹.");
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("Reminder: PAN card expires in 7 days", m.getSubject());
        assertEquals("client@example.in", m.getAllRecipients()[0].toString());
        assertEquals("vault@firm.test", m.getFrom()[0].toString());
        assertTrue(m.getContent().toString().contains("renew it ₹."), m.getContent().toString());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
    }

    @Test
    void authenticatesWithoutLoggingThePassword() throws Exception {
        smtp.setUser("vault@firm.test", "vault-user", PASSWORD);
        SmtpNotifier n = new SmtpNotifier("127.0.0.1", port, false, "vault-user", PASSWORD, "vault@firm.test", null);
        n.send(TENANT, "client@example.in", "s", "b");
        assertTrue(smtp.waitForIncomingEmail(5000, 1));

        SmtpNotifier wrong = new SmtpNotifier("127.0.0.1", port, false, "vault-user", PASSWORD + "-wrong",
                "vault@firm.test", null);
        var e = assertThrows(Notifier.NotificationException.class, () -> wrong.send(TENANT, "client@example.in",
                "s", "b"));
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertFalse(logged.isEmpty(), "the configuration is logged");
        assertTrue(logged.stream().noneMatch(l -> l.contains(PASSWORD)), logged.toString());
    }

    @Test
    void aRefusingServerIsANotificationException() {
        smtp.stop();
        SmtpNotifier n = new SmtpNotifier("127.0.0.1", port, false, null, null, "vault@firm.test", null);
        assertThrows(Notifier.NotificationException.class, () -> n.send(TENANT, "client@example.in", "s", "b"));
    }

    @Test
    void withoutAHostEmailIsOffAndSaysSoOnce() {
        SmtpNotifier n = new SmtpNotifier(null, 587, true, null, null, "vault@firm.test", null);
        assertTrue(n.unavailableReason().orElseThrow().contains("seva.mail.smtp.host"));
        n.unavailableReason();
        n.unavailableReason();
        assertEquals(1, logged.stream().filter(l -> l.contains("E-mail is off")).count(), logged.toString());
        assertThrows(Notifier.NotificationException.class, () -> n.send(TENANT, "client@example.in", "s", "b"));
        assertTrue(new SmtpNotifier("127.0.0.1", port, false, null, null, null, null).unavailableReason()
                .orElseThrow().contains("seva.mail.from"));
    }

    @Test
    void theDueThresholdIsTheSmallestNotBelowTheDaysLeft() {
        assertTrue(DocumentReminders.threshold(31).isEmpty());
        assertEquals(30, DocumentReminders.threshold(30).orElseThrow());
        assertEquals(30, DocumentReminders.threshold(8).orElseThrow());
        assertEquals(7, DocumentReminders.threshold(7).orElseThrow());
        assertEquals(7, DocumentReminders.threshold(2).orElseThrow());
        assertEquals(1, DocumentReminders.threshold(1).orElseThrow());
        assertEquals(1, DocumentReminders.threshold(0).orElseThrow());
        assertTrue(DocumentReminders.threshold(-1).isEmpty());
    }
}
