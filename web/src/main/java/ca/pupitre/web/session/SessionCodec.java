package ca.pupitre.web.session;

import ca.pupitre.web.view.WebConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Seals a {@link SignedInPerson} into a cookie value and opens it again: AES-256-GCM with a random 96-bit
 * nonce per cookie, so the tokens inside can be neither read nor altered by the browser or its scripts
 * (the cookie is also {@code HttpOnly}). A cookie that fails to open (another key, tampered, truncated)
 * is simply no session.
 */
@Singleton
public class SessionCodec {

    private static final Logger LOG = Logger.getLogger(SessionCodec.class);
    private static final String KEY_FILE = "web-session.key";
    private static final byte[] ASSOCIATED = "pupitre-session/1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public SessionCodec(WebConfig config) {
        byte[] raw = config.session().key().filter(k -> !k.isBlank())
                .map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(() -> storedKey(config.session().keysDir()));
        if (raw.length != 32) {
            throw new IllegalStateException("pupitre.web.session.key must be 32 bytes (base64), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(SignedInPerson person) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED);
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(person));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not seal the session", e);
        }
    }

    public Optional<SignedInPerson> open(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 4096) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(cookie);
            if (in.length < NONCE_BYTES + TAG_BITS / 8 + 2) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(json.readValue(plain, SignedInPerson.class));
        } catch (RuntimeException | GeneralSecurityException | IOException unreadable) {
            // not ours, altered, cut short: no session (a truncated buffer even surfaces as a ProviderException)
            return Optional.empty();
        }
    }

    /** The key kept in the state folder, created (owner-only) on first start. */
    private static byte[] storedKey(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the folder's own permissions apply
                    }
                    LOG.infof("Generated the session cookie key in %s", file.toAbsolutePath());
                } catch (FileAlreadyExistsException anotherReplicaWroteIt) {
                    // read below
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key " + file, e);
        }
    }
}
