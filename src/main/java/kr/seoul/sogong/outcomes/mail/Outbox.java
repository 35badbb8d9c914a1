package kr.seoul.sogong.outcomes.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends letters through the SMTP server of {@code spring.mail.*} (Spring Boot's mail
 * starter: host, port, {@code SPRING_MAIL_USERNAME} and {@code SPRING_MAIL_PASSWORD} from
 * the environment, STARTTLS through
 * {@code spring.mail.properties.mail.smtp.starttls.required=true}), from
 * {@code outcomes.mail.from}. Without {@code spring.mail.host} there is no server, and
 * nothing is sent.
 */
@Component
public class Outbox {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String BYTES = "application/octet-stream";

    private final ObjectProvider<JavaMailSender> sender;

    private final String from;

    public Outbox(ObjectProvider<JavaMailSender> sender,
            @Value("${outcomes.mail.from:sogong-outcomes@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether a mail server is configured. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /**
     * Sends the letter; returns its Message-ID, by which the server's log finds it.
     * @throws MailException the server is down, refuses the sign-in or the letter
     */
    public String send(Letter letter) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new MailPreparationException("no mail server is configured (spring.mail.host)");
        }
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper m = new MimeMessageHelper(message, !letter.attachments().isEmpty(), "UTF-8");
            m.setFrom(from);
            m.setTo(letter.to().toArray(String[]::new));
            m.setSubject(letter.subject());
            m.setText(letter.text());
            for (Path file : letter.attachments()) {
                // the bytes as they are on disk: a text type (the page) would have its
                // line
                // ends rewritten on the way, and not be the file whose sha256 was kept
                String name = fileName(file);
                m.addAttachment(name, new FileSystemResource(file), name.endsWith(".xlsx") ? XLSX : BYTES);
            }
        }
        catch (MessagingException e) {
            throw new MailPreparationException("the letter cannot be written: " + e.getMessage(), e);
        }
        mail.send(message);
        return messageId(message);
    }

    /**
     * Why a letter (or a post) did not go, in one line: the failure's first line and,
     * when another, its root cause (a mail server's answer spans lines).
     */
    public static String why(Throwable e) {
        String first = e.getMessage() == null ? e.getClass().getName()
                : e.getMessage().lines().findFirst().orElse("").strip();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("").strip();
        return root == e || first.contains(cause) ? first : first + " (" + cause + ")";
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String messageId(MimeMessage message) {
        try {
            @Nullable String id = message.getMessageID();
            return id == null ? "" : id;
        }
        catch (MessagingException e) {
            return "";
        }
    }

}
