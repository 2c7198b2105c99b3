package ca.pupitre.launcher;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for a packaged Quarkus service in {@link StackTest}: answers 200 on
 * {@code /q/health/ready} on its management port (only there) and writes the {@code QUARKUS_*} and {@code PUPITRE_*} variables it received
 * to {@code received-env.txt} in its working directory. Must stay a single class (copied into a jar).
 */
public final class FakeService {

    private static volatile String lastEmail = "";

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        Path cwd = Path.of("").toAbsolutePath(); // <module>/target/quarkus-app, where the launcher runs each app
        String module = cwd.getParent().getParent().getFileName().toString();
        System.out.println("fake " + module + " starting");
        if (module.equals(System.getenv("FAKE_CRASH_MODULE"))) {
            System.out.println("boom: cannot connect to the database");
            System.exit(3);
        }
        Map<String, String> received = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("QUARKUS_") || k.startsWith("PUPITRE_")) {
                received.put(k, v);
            }
        });
        StringBuilder sb = new StringBuilder();
        received.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.writeString(cwd.resolve("received-env.txt"), sb.toString());

        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        HttpServer management = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("QUARKUS_MANAGEMENT_PORT"))), 0);
        management.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        if (module.equals("gateway")) {
            // Just enough of the public API for a smoke run of .ci/run against fake services.
            server.createContext("/api/v1/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes());
                int status = 404;
                String answer = "{}";
                if (path.equals("/api/v1/auth/register")) {
                    lastEmail = body.replaceAll(".*\"email\":\"([^\"]*)\".*", "$1");
                    status = 201;
                } else if (path.equals("/api/v1/auth/token")) {
                    status = 200;
                    answer = "{\"access_token\":\"fake\",\"token_type\":\"Bearer\"}";
                } else if (path.equals("/api/v1/me")) {
                    status = "Bearer fake".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401;
                    answer = "{\"email\":\"" + lastEmail + "\"}";
                }
                byte[] bytes = answer.getBytes();
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
        }
        server.start();
        management.start();
        System.out.println("fake " + module + " listening on " + port);
    }
}
