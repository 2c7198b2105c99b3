package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A relay whose first connection goes silent (it takes the connection and never answers, as a hung SMTP
 * conversation does): the verification e-mail still arrives, on the second try, within the send bound, and the
 * person can go on. Behind the front door is a real SMTP server (GreenMail).
 */
@QuarkusTest
@TestProfile(HungMailConnectionTest.WithFirstConnectionHung.class)
class HungMailConnectionTest {

    static final GreenMail RELAY = relay();
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();
    private static final ServerSocket FRONT = front();

    public static class WithFirstConnectionHung extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(FRONT.getLocalPort()), "quarkus.mailer.start-tls", "DISABLED",
                    "pupitre.mail.send-timeout", "6S");
        }
    }

    @Test
    void aHungConnectionCostsOneTryAndTheEmailStillArrives() throws Exception {
        String email = newEmail();
        register(email, "CLIENT");

        assertThat(CONNECTIONS.get()).as("connections to the relay").isGreaterThanOrEqualTo(2);
        MimeMessage[] received = RELAY.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
        assertThat(received).as("e-mails received").isNotEmpty();
        assertThat(received[received.length - 1].getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(received[received.length - 1].getSubject()).isEqualTo("Confirmez votre adresse courriel pour Pupitre");
    }

    private static GreenMail relay() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** The first connection is held, silent; every later one is piped to the relay. */
    private static ServerSocket front() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        if (CONNECTIONS.incrementAndGet() == 1) {
                            HELD.add(client);
                            continue;
                        }
                        Socket relay = new Socket(InetAddress.getLoopbackAddress(), RELAY.getSmtp().getPort());
                        pipe(client.getInputStream(), relay.getOutputStream(), relay);
                        pipe(relay.getInputStream(), client.getOutputStream(), client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hung-first-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to, Socket closeAtEnd) {
        Thread copier = new Thread(() -> {
            try (closeAtEnd) {
                from.transferTo(to);
            } catch (IOException ended) {
                // one side closed: the conversation is over
            }
        }, "smtp-pipe");
        copier.setDaemon(true);
        copier.start();
    }
}
