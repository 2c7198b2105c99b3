package ca.pupitre.gateway;

import ca.pupitre.testing.ServiceTestResource;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Real HTTP servers standing in for the services behind the gateway: "listings" echoes what it
 * received (and can stream a large body), "matching" accepts connections but never answers, and
 * "billing" is a port where nothing listens.
 */
public class FakeUpstreams extends ServiceTestResource {

    public static final int LARGE_BODY_BYTES = 8 * 1024 * 1024;
    /** Answers the ".../slow" path has sent (it answers after 400 ms, as a busy service would). */
    public static final java.util.concurrent.atomic.AtomicInteger SLOW_ANSWERS = new java.util.concurrent.atomic.AtomicInteger();
    /** Requests the ".../slow" path received (a client that left before the gateway connected never arrives). */
    public static final java.util.concurrent.atomic.AtomicInteger SLOW_REQUESTS = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer echo;
    private ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("role", "gateway"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            echo.setExecutor(Executors.newFixedThreadPool(4));
            echo.createContext("/", exchange -> {
                byte[] body;
                if (exchange.getRequestURI().getPath().endsWith("/large")) {
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.US_ASCII);
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int sent = 0; sent < LARGE_BODY_BYTES; sent += chunk.length) {
                            out.write(chunk);
                        }
                    }
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (path.endsWith("/big-json") || path.endsWith("/pre-gzipped")) {
                    // 4 kB of JSON: with its length, or gzip-encoded by the "service" itself
                    byte[] json = ("{\"items\":[" + "{\"title\":\"Traduction juridique\"},".repeat(120)
                            + "{}]}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    if (path.endsWith("/pre-gzipped")) {
                        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                            gzip.write(json);
                        }
                        json = zipped.toByteArray();
                        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    }
                    exchange.sendResponseHeaders(200, json.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(json);
                    }
                    return;
                }
                if (path.endsWith("/not-modified") || path.endsWith("/no-content")) {
                    // no body, framed by the status alone (RFC 9112 6.3)
                    exchange.getResponseHeaders().add("ETag", "\"v7\"");
                    exchange.sendResponseHeaders(path.endsWith("/not-modified") ? 304 : 204, -1);
                    exchange.close();
                    return;
                }
                if (path.endsWith("/slow")) {
                    SLOW_REQUESTS.incrementAndGet();
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (path.endsWith("/sized") || path.endsWith("/slow")) {
                    byte[] sized = "{\"sized\":true}".getBytes(StandardCharsets.US_ASCII);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, sized.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(sized);
                    } catch (IOException gatewayGone) {
                        // the gateway reset its side: the answer was still sent as far as this fake goes
                    }
                    if (path.endsWith("/slow")) {
                        SLOW_ANSWERS.incrementAndGet();
                    }
                    return;
                }
                if (path.endsWith("/cut")) {
                    // promises 1 MB, sends 64 kB, then drops the connection
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, 1 << 20);
                    OutputStream out = exchange.getResponseBody();
                    out.write(new byte[64 * 1024]);
                    out.flush();
                    throw new IOException("upstream drops the connection mid-body");
                }
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                StringBuilder json = new StringBuilder("{\"method\":\"").append(exchange.getRequestMethod())
                        .append("\",\"uri\":\"").append(exchange.getRequestURI()).append("\",\"bodyLength\":").append(body.length)
                        .append(",\"headers\":{");
                boolean first = true;
                for (var header : exchange.getRequestHeaders().entrySet()) {
                    json.append(first ? "" : ",").append('"').append(header.getKey().toLowerCase()).append("\":\"")
                            .append(String.join(",", header.getValue()).replace("\"", "'")).append('"');
                    first = false;
                }
                json.append("}}");
                byte[] answer = json.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            echo.start();
            silent = silentServer(held, "silent-upstream");
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0)) {
                closedPort = probe.getLocalPort();
            }
            config.put("pupitre.upstream.listings-url", "http://127.0.0.1:" + echo.getAddress().getPort());
            config.put("pupitre.upstream.matching-url", "http://127.0.0.1:" + silent.getLocalPort());
            config.put("pupitre.upstream.billing-url", "http://127.0.0.1:" + closedPort);
            // their management interfaces (OpenAPI): the same stand-ins
            config.put("pupitre.upstream.listings-management-url", "http://127.0.0.1:" + echo.getAddress().getPort());
            config.put("pupitre.upstream.matching-management-url", "http://127.0.0.1:" + silent.getLocalPort());
            config.put("pupitre.upstream.billing-management-url", "http://127.0.0.1:" + closedPort);
            config.put("pupitre.upstream.web-url", "http://127.0.0.1:" + echo.getAddress().getPort());
            return config;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
        }
        try {
            if (silent != null) {
                silent.close();
            }
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing test sockets
        }
    }

    /** A loopback server that accepts every connection, keeps it in {@code held}, and never says a word. */
    static ServerSocket silentServer(List<Socket> held, String threadName) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, threadName);
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }
}
