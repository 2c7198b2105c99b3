package ca.pupitre.gateway.devmail;

import ca.pupitre.gateway.config.GatewayConfig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The local stack's mailbox: an SMTP server (GreenMail, in this process) that every service of the stack
 * sends to when {@code PUPITRE_DEV_MAILBOX=true} (./run.sh's default; never docker-compose nor production).
 * Nothing leaves the machine; an ADMIN reads what arrived at {@code GET /api/v1/dev/mailbox}.
 */
@ApplicationScoped
public class DevMailbox {

    private static final Logger LOG = Logger.getLogger(DevMailbox.class);
    private static final int MAX_ITEMS = 100;

    /** One e-mail as received: its recipients (comma-separated), the subject, the plain text, when it arrived. */
    public record Item(String to, String subject, String text, Instant sentAt) {
    }

    private final GatewayConfig config;
    private volatile GreenMail server;

    public DevMailbox(GatewayConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.mail().devMailbox().enabled()) {
            return;
        }
        int port = config.mail().devMailbox().smtpPort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("PUPITRE_DEV_MAILBOX: could not listen for SMTP on 127.0.0.1:" + port, e);
        }
        server = mail;
        LOG.infof("Dev mailbox: catching every e-mail on smtp://127.0.0.1:%d (read at /api/v1/dev/mailbox)", port);
    }

    void onStop(@Observes ShutdownEvent stop) {
        GreenMail mail = server;
        if (mail != null) {
            mail.stop();
        }
    }

    public boolean enabled() {
        return server != null;
    }

    /** What arrived for {@code to} (every message when null), newest first, at most 100. */
    public List<Item> received(String to) {
        GreenMail mail = server;
        if (mail == null) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                List<String> recipients = new ArrayList<>();
                Address[] all = message.getAllRecipients();
                for (Address address : all == null ? new Address[0] : all) {
                    recipients.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
                }
                if (to != null && recipients.stream().noneMatch(r -> r.equalsIgnoreCase(to.strip()))) {
                    continue;
                }
                Instant at = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                        : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
                items.add(new Item(String.join(", ", recipients), message.getSubject(), text(message), at));
            } catch (MessagingException | IOException unreadable) {
                LOG.debugf("Dev mailbox: skipping an unreadable message: %s", unreadable.toString());
            }
        }
        items.sort(Comparator.comparing(Item::sentAt).reversed());
        return items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items;
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return part.isMimeType("text/html") ? s.replaceAll("<[^>]+>", "") : s;
        }
        if (content instanceof Multipart multipart) {
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("text/plain")) {
                    return text(body);
                }
                if (html == null && (body.isMimeType("text/html") || body.isMimeType("multipart/*"))) {
                    html = text(body);
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }

}
