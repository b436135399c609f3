package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expiry reminders end to end: the scan job records a reminder per (document, threshold) and the sending job mails the
 * entity's members and the firm's support address through the default SMTP notifier, here to a local GreenMail on
 * 127.0.0.1 ({@code seva.it.smtp.port}, the IT server's {@code seva.mail.smtp.port}). Once only, whatever the number
 * of scans; a tenant's scan never touches another tenant's documents.
 */
class DocumentRemindersIT {

    private static final int SMTP_PORT = Integer.getInteger("seva.it.smtp.port", 9291);
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        DocApi.awaitReady();
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private record Firm(Api.TestTenant t, String entity, Api.TestUser client, String desk) {
    }

    private static Firm firm(String prefix) {
        Api.TestTenant t = Api.newTenant(prefix);
        String desk = "desk@" + t.slug() + ".in";
        Api.call("PUT", "/api/v1/tenant/branding", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("displayName", prefix + " CA").add("primaryColor", "#112233").add("accentColor", "#445566")
                .add("supportEmail", desk).build()).expect(200);
        String entity = Api.newEntity(t, prefix + " Traders Pvt Ltd");
        Api.TestUser client = Api.newUser(t, "CLIENT");
        Api.post("/api/v1/entities/" + entity + "/members", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("userId", client.id()).add("role", "OWNER").build()).expect(201);
        return new Firm(t, entity, client, desk);
    }

    private static String upload(Firm f, String title, LocalDate expiresOn) {
        return DocApi.upload("/api/v1/entities/" + f.entity() + "/documents", f.t().t(), f.t().adminToken(),
                ("Certificate " + title).getBytes(), "cert.txt", Map.of("title", title, "expiresOn", expiresOn
                        .toString()))
                .expect(201).str("id");
    }

    /** Asks for a scan and waits until its job is done. */
    private static void scan(Firm f) throws SQLException, InterruptedException {
        String job = Api.post("/api/v1/document-reminders/scan", f.t().t(), f.t().adminToken(), null).expect(202)
                .str("jobId");
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement("SELECT status FROM job WHERE id = ?")) {
            ps.setString(1, job);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals("DONE")) {
                        return;
                    }
                }
                assertTrue(System.nanoTime() < end, "the scan job " + job + " did not finish");
                Thread.sleep(300);
            }
        }
    }

    private static List<MimeMessage> mailsAbout(String title) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(title);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMails(String title, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (mailsAbout(title).size() < count && System.nanoTime() < end) {
            Thread.sleep(300);
        }
        return mailsAbout(title);
    }

    private static Api.Res awaitReminderStatus(Firm f, String doc, String status) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Api.Res r = Api.get("/api/v1/documents/" + doc + "/reminders", f.t().t(), f.t().adminToken()).expect(200);
            if ((!r.json().asJsonArray().isEmpty() && r.json().asJsonArray().getJsonObject(0).getString("status")
                    .equals(status)) || System.nanoTime() > end) {
                return r;
            }
            Thread.sleep(300);
        }
    }

    private static Set<String> recipients(List<MimeMessage> mails) {
        return mails.stream().map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }

    @Test
    void aDocumentExpiringInSevenDaysGetsExactlyOneSevenDayReminder() throws Exception {
        Firm f = firm("remind");
        String title = "PAN card " + UUID.randomUUID();
        String doc = upload(f, title, LocalDate.now().plusDays(7));
        String later = "Lease " + UUID.randomUUID();
        upload(f, later, LocalDate.now().plusDays(45));
        String expired = "Old GST " + UUID.randomUUID();
        upload(f, expired, LocalDate.now().minusDays(2));

        scan(f);
        List<MimeMessage> mails = awaitMails(title, 2);
        assertEquals(Set.of(f.client().email(), f.desk()), recipients(mails), "the entity's member and the desk");
        assertEquals(2, mails.size());
        MimeMessage m = mails.get(0);
        assertTrue(m.getSubject().endsWith("expires in 7 days"), m.getSubject());
        assertTrue(m.getContent().toString().contains(LocalDate.now().plusDays(7).toString()), m.getContent()
                .toString());
        assertTrue(m.getFrom()[0].toString().contains("vault@seva.test"), m.getFrom()[0].toString());

        var reminders = awaitReminderStatus(f, doc, "SENT").json().asJsonArray();
        assertEquals(1, reminders.size(), reminders.toString());
        assertEquals(7, reminders.getJsonObject(0).getInt("daysBefore"));
        assertEquals("SENT", reminders.getJsonObject(0).getString("status"));
        assertEquals(2, reminders.getJsonObject(0).getInt("recipients"));

        // a second and a third scan (a restart, another node) record and send nothing more
        scan(f);
        scan(f);
        Thread.sleep(3000);
        assertEquals(2, mailsAbout(title).size(), "no second reminder");
        assertEquals(1, Api.get("/api/v1/documents/" + doc + "/reminders", f.t().t(), f.t().adminToken())
                .expect(200).json().asJsonArray().size());
        assertEquals(List.of(), mailsAbout(later), "45 days away: no reminder yet");
        assertEquals(List.of(), mailsAbout(expired), "expired already: no reminder");
        try (Connection c = Db.owner();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM document_reminder WHERE tenant_id = ?")) {
            ps.setString(1, f.t().id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "one reminder row in the tenant");
            }
        }

        // only managers run the scan; only staff see reminders
        Api.post("/api/v1/document-reminders/scan", f.t().t(), f.client().token(), null).problem(403, "FORBIDDEN");
        Api.get("/api/v1/documents/" + doc + "/reminders", f.t().t(), f.client().token()).problem(403,
                "FORBIDDEN");
        Api.get("/api/v1/documents/" + UUID.randomUUID() + "/reminders", f.t().t(), f.t().adminToken())
                .problem(404, "NOT_FOUND");
    }

    @Test
    void aTenantsScanNeverMailsAnotherTenantsDocuments() throws Exception {
        Firm a = firm("remxa");
        Firm b = firm("remxb");
        String aTitle = "Alpha trade licence " + UUID.randomUUID();
        String aDoc = upload(a, aTitle, LocalDate.now().plusDays(1));
        String bTitle = "Beta trade licence " + UUID.randomUUID();
        upload(b, bTitle, LocalDate.now().plusDays(1));

        scan(b);
        assertEquals(2, awaitMails(bTitle, 2).size(), "B's own reminder");
        assertTrue(awaitMails(bTitle, 2).get(0).getSubject().endsWith("expires tomorrow"));
        assertEquals(List.of(), mailsAbout(aTitle), "B's scan never mails A's document");
        assertEquals(0, Api.get("/api/v1/documents/" + aDoc + "/reminders", a.t().t(), a.t().adminToken())
                .expect(200).json().asJsonArray().size(), "and records nothing for it");

        // B cannot read A's reminders: 404 on its own host, 401 on A's
        Api.get("/api/v1/documents/" + aDoc + "/reminders", b.t().t(), b.t().adminToken()).problem(404, "NOT_FOUND");
        Api.get("/api/v1/documents/" + aDoc + "/reminders", a.t().t(), b.t().adminToken()).problem(401,
                "TENANT_MISMATCH");
        Api.post("/api/v1/document-reminders/scan", a.t().t(), b.t().adminToken(), null).problem(401,
                "TENANT_MISMATCH");

        scan(a);
        assertEquals(Set.of(a.client().email(), a.desk()), recipients(awaitMails(aTitle, 2)));
        assertEquals(0, mailsAbout(aTitle).stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(b.t().slug()) || r
                        .toString().equals(b.client().email()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count(), "A's reminder goes to A's people only");

        // the rows are under RLS: the application's role sees only the tenant it names, and cannot write another's
        try (Connection c = Db.app()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('seva.tenant_id', ?, true)")) {
                set.setString(1, b.t().id());
                set.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM document_reminder WHERE"
                    + " document_id = ?")) {
                ps.setString(1, aDoc);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "A's reminder is invisible under B's setting");
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO document_reminder (id, tenant_id, document_id,"
                    + " expires_on, days_before, status) VALUES (?, ?, ?, current_date, 30, 'PENDING')")) {
                ins.setString(1, UUID.randomUUID().toString());
                ins.setString(2, a.t().id());
                ins.setString(3, aDoc);
                assertThrows(SQLException.class, ins::executeUpdate, "B's setting cannot write A's rows");
            }
            c.rollback();
        }
    }
}
