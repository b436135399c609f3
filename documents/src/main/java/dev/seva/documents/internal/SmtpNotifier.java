package dev.seva.documents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.Notifier;
import dev.seva.tenant.TenantInfo;
import dev.seva.tenant.Tenants;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default {@link Notifier}: plain-text e-mail through Jakarta Mail (Liberty's {@code mail-2.1} feature) to the
 * SMTP server of {@code seva.mail.smtp.host} / {@code .port} (587) / {@code .starttls} (true, required when on) /
 * {@code .username} / {@code .password}, from {@code seva.mail.from}, with the firm's name as the sender's display
 * name. Without a host it is unavailable ({@link #unavailableReason()}; logged once) and reminders are recorded as
 * SKIPPED. The password is never logged; connection, read and write time out after 20 s.
 */
@ApplicationScoped
public class SmtpNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(SmtpNotifier.class.getName());
    private static final String TIMEOUT_MS = "20000";

    @Inject
    @ConfigProperty(name = "seva.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "seva.mail.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "seva.mail.smtp.starttls", defaultValue = "true")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "seva.mail.smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "seva.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "seva.mail.from")
    Optional<String> from;

    @Inject
    Tenants tenants;

    private final AtomicBoolean offLogged = new AtomicBoolean();
    private Session session;
    private Optional<String> off = Optional.empty();

    /** For CDI. */
    public SmtpNotifier() {
    }

    /** Outside CDI (tests): the settings as the configuration would give them. */
    SmtpNotifier(String host, int port, boolean starttls, String username, String password, String from,
            Tenants tenants) {
        this.host = Optional.ofNullable(host);
        this.port = port;
        this.starttls = starttls;
        this.username = Optional.ofNullable(username);
        this.password = Optional.ofNullable(password);
        this.from = Optional.ofNullable(from);
        this.tenants = tenants;
        init();
    }

    @PostConstruct
    void init() {
        if (host.isEmpty() || host.get().isBlank()) {
            off = Optional.of("E-mail is off: seva.mail.smtp.host is not set");
            return;
        }
        if (from.isEmpty() || from.get().isBlank()) {
            off = Optional.of("E-mail is off: seva.mail.from is not set");
            return;
        }
        try {
            new InternetAddress(from.get().strip(), true);
        } catch (AddressException e) {
            off = Optional.of("E-mail is off: seva.mail.from is not an e-mail address");
            return;
        }
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host.get().strip());
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        boolean auth = username.isPresent() && !username.get().isBlank();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        Authenticator authenticator = null;
        if (auth) {
            String user = username.get();
            String secret = password.orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, secret);
                }
            };
        }
        session = Session.getInstance(p, authenticator);
        LOG.info("E-mail notifications through " + host.get().strip() + ":" + port + (starttls ? " (STARTTLS)" : "")
                + (auth ? " as " + username.get() : "") + ", from " + from.get().strip());
    }

    @Override
    public Optional<String> unavailableReason() {
        if (off.isPresent() && offLogged.compareAndSet(false, true)) {
            LOG.info(off.get() + "; expiry reminders are recorded as SKIPPED");
        }
        return off;
    }

    @Override
    public void send(TenantId tenant, String recipient, String subject, String body) throws NotificationException {
        if (off.isPresent()) {
            throw new NotificationException(off.get(), null);
        }
        try {
            MimeMessage m = new MimeMessage(session);
            String firm = tenants == null
                    ? null
                    : tenants.find(tenant).map(TenantInfo::name).orElse(null);
            m.setFrom(firm == null
                    ? new InternetAddress(from.get().strip())
                    : new InternetAddress(from.get().strip(), firm, StandardCharsets.UTF_8.name()));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(body, StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            m.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(m);
        } catch (MessagingException | UnsupportedEncodingException e) {
            // the message names the server's answer, never the password
            throw new NotificationException("The mail server did not take the message: " + e.getClass()
                    .getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }
}
