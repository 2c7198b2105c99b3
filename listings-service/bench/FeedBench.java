import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Feed export benchmark helper, JDK only (run as a single-file program: java FeedBench.java ...).
 *   keys <dir>                        RSA key pair -> <dir>/jwks.json (for the service) and <dir>/token (a PARTNER JWT)
 *   get <url> <token|-> <marker>      streams one feed, prints status, bytes, items (occurrences of marker), seconds
 * With BENCH_API_KEY set, "get" sends X-Api-Key instead of the token (to go through the gateway).
 */
public class FeedBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keys" -> keys(Path.of(args[1]));
            case "get" -> get(args[1], args[2], args[3]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void keys(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\","
                + "\"n\":\"" + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}");
        UUID partner = UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String header = url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}");
        String payload = url("{\"iss\":\"pupitre\",\"sub\":\"partner:" + partner + "\",\"upn\":\"partner:" + partner
                + "\",\"groups\":[\"PARTNER\"],\"partnerId\":\"" + partner + "\",\"iat\":" + now + ",\"exp\":" + (now + 7200)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("token"), header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(rsa.sign()));
    }

    static void get(String url, String token, String marker) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        String apiKey = System.getenv("BENCH_API_KEY");
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-Api-Key", apiKey);
        } else {
            request.header("Authorization", "Bearer " + token);
        }
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long items = 0;
        int matched = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == needle[matched]) {
                        if (++matched == needle.length) {
                            items++;
                            matched = 0;
                        }
                    } else {
                        matched = b == needle[0] ? 1 : 0;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-60s status %d  %,d bytes  %,d items  %.2f s%n", url, response.statusCode(), bytes, items, seconds);
    }

    private static String url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int offset = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, offset, bytes.length));
    }
}
