package ca.pupitre.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Answers relayed from a service are gzip-compressed when the client accepts it, they are text and at least
 * 1 kB; otherwise they go as the service sent them, Content-Length included. Read with the JDK's client, which
 * never decompresses by itself, so the test sees the bytes on the wire.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CompressionTest {

    @TestHTTPResource("/")
    URI gateway;

    /** HTTP/1.1, as browsers speak to a cleartext port (the JDK's client would otherwise upgrade to h2c). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void largeTextIsGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> plain = get("/api/v1/listings/big-json", null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
        String json = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"items\":[").hasSizeGreaterThan(3000);

        HttpResponse<byte[]> zipped = get("/api/v1/listings/big-json", "br;q=1.0, gzip;q=0.8, *;q=0.1");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary").toString()).containsIgnoringCase("Accept-Encoding");
        assertThat(zipped.body().length).isLessThan(json.length() / 4);
        assertThat(gunzip(zipped.body())).isEqualTo(json);

        // refused by weight: as sent
        HttpResponse<byte[]> refused = get("/api/v1/listings/big-json", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).hasSize(json.length());
    }

    @Test
    void smallAnswersAndAnswersTheServiceEncodedGoAsTheyAre() throws Exception {
        HttpResponse<byte[]> small = get("/api/v1/listings/sized", "gzip");
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(small.headers().firstValueAsLong("Content-Length")).hasValue(small.body().length);
        assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("{\"sized\":true}");

        HttpResponse<byte[]> encoded = get("/api/v1/listings/pre-gzipped", "gzip");
        assertThat(encoded.headers().allValues("Content-Encoding")).containsExactly("gzip"); // once, not twice
        assertThat(encoded.headers().firstValueAsLong("Content-Length")).hasValue(encoded.body().length);
        assertThat(gunzip(encoded.body())).startsWith("{\"items\":[");

        HttpResponse<byte[]> notModified = get("/api/v1/listings/not-modified", "gzip");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(notModified.headers().firstValue("Transfer-Encoding")).isEmpty();
    }
}
