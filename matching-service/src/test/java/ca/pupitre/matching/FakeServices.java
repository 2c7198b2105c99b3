package ca.pupitre.matching;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.pupitre.testing.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WireMock standing in for the gateway (service tokens), listings-service (change feed, skills) and billing-service
 * (review eligibility). Every call without a bearer token is refused, as the real services do. The change feed
 * keeps state (changes numbered in commit order, paged by cursor), so it is a WireMock extension; everything else
 * is a stub. Tests drive it with {@link Control}, over WireMock's admin API, because the test resource and the
 * tests may not share class loaders.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** The fake's base URL property, also the listings, billing and gateway URL. */
    public static final String URL_PROPERTY = "quarkus.rest-client.listings.url";
    private static final int DEFAULT_PRIORITY = 10;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new ChangeFeed()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/service-token")).atPriority(1)
                .willReturn(okJson("{\"access_token\":\"" + TestTokens.service("matching") + "\",\"expires_in\":900}")));
        server.stubFor(any(urlPathMatching("/api/v1/.*")).withHeader("Authorization", absent()).atPriority(2)
                .willReturn(jsonResponse("{\"code\":\"UNAUTHORIZED\"}", 401)));
        server.stubFor(any(urlPathMatching("/api/v1/.*")).withHeader("Authorization", notMatching("Bearer .+")).atPriority(2)
                .willReturn(jsonResponse("{\"code\":\"UNAUTHORIZED\"}", 401)));
        server.stubFor(get(urlPathEqualTo("/api/v1/listings/changes")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withTransformers(ChangeFeed.NAME)));
        server.stubFor(get(urlPathEqualTo("/api/v1/skills")).atPriority(DEFAULT_PRIORITY).willReturn(okJson(SKILLS)));
        server.stubFor(get(urlPathMatching("/api/v1/engagements/[^/]+/review-eligibility")).atPriority(DEFAULT_PRIORITY)
                .willReturn(jsonResponse("{\"code\":\"ENGAGEMENT_NOT_FOUND\"}", 404)));
        String url = server.baseUrl();
        Map<String, String> config = new HashMap<>();
        config.put(URL_PROPERTY, url);
        config.put("quarkus.rest-client.billing.url", url);
        config.put("pupitre.gateway.url", url);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }


    /**
     * listings-service's change feed: {@code POST /__admin/pupitre/changes} appends a change (its JSON without
     * {@code seq}) and answers its number; {@code GET /api/v1/listings/changes?since=seq-N&limit=L} pages them.
     */
    public static final class ChangeFeed implements ResponseDefinitionTransformerV2, AdminApiExtension {

        static final String NAME = "pupitre-change-feed";
        private final List<String> changes = new CopyOnWriteArrayList<>();

        @Override
        public void contributeAdminApiRoutes(Router router) {
            router.add(RequestMethod.POST, "/pupitre/changes", (admin, serveEvent, pathParams) -> {
                synchronized (changes) {
                    int seq = changes.size() + 1;
                    changes.add("{\"seq\":" + seq + "," + serveEvent.getRequest().getBodyAsString().strip().substring(1));
                    return ResponseDefinition.okForJson(seq);
                }
            });
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            QueryParameter sinceParameter = serveEvent.getRequest().queryParameter("since");
            QueryParameter limitParameter = serveEvent.getRequest().queryParameter("limit");
            int since = sinceParameter.isPresent() ? Integer.parseInt(sinceParameter.firstValue().substring("seq-".length())) : 0;
            int limit = limitParameter.isPresent() ? Integer.parseInt(limitParameter.firstValue()) : 50;
            List<String> page = new ArrayList<>();
            int last = since;
            for (int i = since; i < changes.size() && page.size() < limit; i++) {
                page.add(changes.get(i));
                last = i + 1;
            }
            // the page replaces the stub's answer; keep a delay the stub asked for ("slow")
            return jsonResponse("{\"items\":[" + String.join(",", page) + "],\"nextCursor\":\"seq-" + last + "\"}", 200)
                    .withFixedDelay(serveEvent.getResponseDefinition().getFixedDelayMilliseconds()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Test-side control of the fake, through WireMock's admin API. */
    public static final class Control {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final WireMock wireMock;
        private final URI base;

        public Control(String baseUrl) {
            base = URI.create(baseUrl);
            wireMock = new WireMock(base.getHost(), base.getPort());
        }

        /** Appends a change to the feed; returns its sequence number. */
        public long publish(String changeJsonWithoutSeq) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/__admin/pupitre/changes"))
                        .POST(HttpRequest.BodyPublishers.ofString(changeJsonWithoutSeq)).build(), HttpResponse.BodyHandlers.ofString());
                return Long.parseLong(response.body().strip());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** listings-service "up", "down" (503) or "slow" (answers after 1.5 s, past the shortened test timeouts). */
        public void listings(String mode) {
            mode("listings", mode, List.of(
                    new SlowAnswer(get(urlPathEqualTo("/api/v1/listings/changes")), aResponse().withTransformers(ChangeFeed.NAME)),
                    new SlowAnswer(get(urlPathEqualTo("/api/v1/skills")), okJson(SKILLS))));
        }

        /** billing-service "up" or "down" (503); no test needs it slow. */
        public void billing(String mode) {
            if ("slow".equals(mode)) {
                throw new IllegalArgumentException("billing has no slow mode in this fake");
            }
            mode("billing", mode, List.of());
        }

        /** What billing answers about this engagement's review eligibility. */
        public void eligibility(String engagementId, String json) {
            wireMock.register(get(urlPathEqualTo("/api/v1/engagements/" + engagementId + "/review-eligibility")).atPriority(5)
                    .willReturn(okJson(json)));
        }

        private record SlowAnswer(MappingBuilder request, ResponseDefinitionBuilder answer) {
        }

        private void mode(String service, String mode, List<SlowAnswer> slowAnswers) {
            wireMock.removeStubsByMetadataPattern(matchingJsonPath("$.mode", WireMock.equalTo(service)));
            Metadata metadata = Metadata.metadata().attr("mode", service).build();
            switch (mode) {
                case "up" -> {
                }
                case "down" -> {
                    String paths = "listings".equals(service) ? "/api/v1/(listings/changes|skills)"
                            : "/api/v1/engagements/[^/]+/review-eligibility";
                    wireMock.register(any(urlPathMatching(paths)).atPriority(3).withMetadata(metadata)
                            .willReturn(jsonResponse("{\"code\":\"UNAVAILABLE\"}", 503)));
                }
                case "slow" -> slowAnswers.forEach(answer -> wireMock.register(answer.request().atPriority(3).withMetadata(metadata)
                        .willReturn(answer.answer().withFixedDelay(1500))));
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    private static final String SKILLS = """
            [{"code":"transcription","category":"documents","label":{"fr":"Transcription","en":"Transcription"},
              "synonyms":{"fr":["dactylographie"],"en":["typing"]}},
             {"code":"layout","category":"documents","label":{"fr":"Mise en page","en":"Document layout"},
              "synonyms":{"fr":["mise en forme"],"en":["formatting"]}},
             {"code":"bookkeeping","category":"accounting","label":{"fr":"Tenue de livres","en":"Bookkeeping"},
              "synonyms":{"fr":["comptabilité"],"en":["accounting"]}},
             {"code":"payroll","category":"accounting","label":{"fr":"Paie","en":"Payroll"},
              "synonyms":{"fr":["paie"],"en":["payroll"]}}]
            """;
}
