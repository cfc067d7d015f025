package app.village.safety.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import app.village.accounts.StaffContacts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Emails the person on call through the operator's SMTP server. The address is looked up when sending,
 * never stored with the alert, so someone who stops being a moderator stops being paged.
 */
@Component
class EmailChannel implements AlertChannel {

    /** Which step of an item's alerting the email is (0 on call, 1 next on call, 2 the admins), for mail filters. */
    static final String STEP = "X-Village-Step";

    private final SmtpProperties smtp;
    private final StaffContacts staff;
    private final JavaMailSenderImpl sender;

    EmailChannel(SmtpProperties smtp, StaffContacts staff) {
        this.smtp = smtp;
        this.staff = staff;
        this.sender = sender(smtp);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return smtp.enabled();
    }

    @Override
    public boolean perPerson() {
        return true;
    }

    @Override
    public void send(Alert alert, UUID recipient) throws Exception {
        String address = staff.staffEmail(recipient).orElseThrow(() -> new NoRecipient("no longer a moderator or admin"));
        MimeMessage message = new MimeMessage(sender.getSession()) {
            /** The same id on every try of this alert: a resend after a crash is recognisably the same message (ADR 0018). */
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + alert.deliveryId() + "@alerts.village>");
            }
        };
        MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        mail.setFrom(smtp.from());
        mail.setTo(address);
        mail.setSubject("Village: " + alert.headline());
        mail.setText(alert.headline() + ". It has waited " + alert.waitingText() + ".\n\n"
                + "Open it (sign in first if asked):\n" + alert.link() + "\n\n"
                + (alert.step() == 0 ? "You receive this because you are on call." : "You receive this because nobody has claimed it yet.")
                + "\n");
        message.setHeader(WebhookChannel.DELIVERY, alert.deliveryId().toString());
        message.setHeader(STEP, Integer.toString(alert.step()));
        sender.send(message);
    }

    private static JavaMailSenderImpl sender(SmtpProperties smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties p = sender.getJavaMailProperties();
        // Without timeouts a silent server would hold a dispatcher thread (and its locked row) for ever.
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "5000");
        p.put("mail.smtp.writetimeout", "5000");
        if (!smtp.user().isBlank()) {
            sender.setUsername(smtp.user());
            sender.setPassword(smtp.password());
            p.put("mail.smtp.auth", "true");
        }
        switch (smtp.tls()) {
            case "starttls" -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case "tls" -> {
                sender.setProtocol("smtps");
                p.put("mail.smtps.connectiontimeout", "5000");
                p.put("mail.smtps.timeout", "5000");
                p.put("mail.smtps.writetimeout", "5000");
                if (!smtp.user().isBlank()) {
                    p.put("mail.smtps.auth", "true");
                }
            }
            default -> {
            }
        }
        return sender;
    }
}
