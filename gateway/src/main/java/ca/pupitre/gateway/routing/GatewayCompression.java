package ca.pupitre.gateway.routing;

import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.inject.Singleton;

/**
 * Switches on Vert.x's response compressor (gzip and deflate, level 6) on the public port. Every answer whose
 * client accepts it is compressed chunk by chunk as it is written, except those marked
 * {@code Content-Encoding: identity}, which Vert.x sends as they are (and drops the mark): the relay marks the
 * answers not worth it ({@link UpstreamProxy#compress}). Quarkus's own {@code quarkus.http.enable-compression}
 * is not used: it decides by media type alone, after the relay, and would compress a 14-byte answer.
 */
@Singleton
@Unremovable // looked up by Quarkus, injected nowhere
public class GatewayCompression implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setCompressionSupported(true).setCompressionLevel(6);
    }
}
