package ca.pupitre.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.pupitre.testing.ServiceTestResource;
import ca.pupitre.testing.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock standing in for the services billing calls: matching-service (invitations, referral conversions), the
 * gateway's service-token endpoint and listings-service. The defaults are here; a test changes one answer through
 * {@link Scenario} (an invitation, a failure, a listing's owner) and reads what billing sent from WireMock's request
 * journal. Two defaults keep state, as the real services do: a referral conversion answers 201 the first time per
 * engagement and 200 after, and a listing belongs to whoever asks for it unless a test says otherwise.
 */
public class FakeServices extends ServiceTestResource {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String PUPITRE_GST = "987654321 RT0001";
    public static final String PUPITRE_QST = "9876543210 TQ0001";
    /** Stubs a test adds win over the defaults, which have this lower priority. */
    static final int DEFAULT_PRIORITY = 10;

    private WireMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("role", "billing"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new FirstConversionPerEngagement(), new ListingOfWhoeverAsks()));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/v1/auth/service-token")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{\"access_token\":\"" + TestTokens.service("billing") + "\",\"expires_in\":300}")));
        server.stubFor(get(urlPathMatching("/api/v1/invitations/[^/]+")).atPriority(DEFAULT_PRIORITY)
                .willReturn(jsonResponse("{\"status\":404,\"code\":\"INVITATION_NOT_FOUND\"}", 404)));
        server.stubFor(put(urlPathMatching("/api/v1/listings/[^/]+/featured")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{}")));
        server.stubFor(get(urlPathMatching("/api/v1/listings/[^/]+")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withTransformers(ListingOfWhoeverAsks.NAME)));
        server.stubFor(post(urlPathMatching("/api/v1/referrals/[^/]+/conversions")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withTransformers(FirstConversionPerEngagement.NAME)));
        String url = server.baseUrl();
        config.put("quarkus.rest-client.matching.url", url);
        config.put("quarkus.rest-client.listings.url", url);
        config.put("pupitre.gateway.url", url);
        config.put("pupitre.service.secret", "test-service-secret");
        config.put("pupitre.billing.webhook-secret", WEBHOOK_SECRET);
        config.put("pupitre.billing.platform.gst-number", PUPITRE_GST);
        config.put("pupitre.billing.platform.qst-number", PUPITRE_QST);
        config.put("pupitre.billing.outbox.every", "1s");
        // shortened timeout so the "matching too slow" test stays fast
        config.put("ca.pupitre.billing.client.MatchingClient/invitation/Timeout/value", "400");
        // the tests that make matching fail on purpose must not open the breaker for the others
        config.put("ca.pupitre.billing.client.MatchingClient/invitation/CircuitBreaker/requestVolumeThreshold", "1000");
        config.put("ca.pupitre.billing.client.ListingsClient/feature/CircuitBreaker/requestVolumeThreshold", "1000");
        config.put("ca.pupitre.billing.client.ReferralsClient/convert/CircuitBreaker/requestVolumeThreshold", "1000");
        return config;
    }


    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        super.stop();
    }

    /** Matching's referral conversions: 201 the first time an engagement is reported, 200 after (idempotent). */
    static final class FirstConversionPerEngagement implements ResponseDefinitionTransformerV2 {

        static final String NAME = "first-conversion-per-engagement";
        private static final Pattern ENGAGEMENT = Pattern.compile("\"engagementId\"\\s*:\\s*\"([^\"]+)\"");
        private final Set<String> converted = ConcurrentHashMap.newKeySet();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Matcher engagement = ENGAGEMENT.matcher(serveEvent.getRequest().getBodyAsString());
            int status = engagement.find() && converted.add(engagement.group(1)) ? 201 : 200;
            return jsonResponse("{\"status\":" + status + "}", status).build();
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

    /** A listing of listings-service, published, owned by the subject of the token that asks for it. */
    static final class ListingOfWhoeverAsks implements ResponseDefinitionTransformerV2 {

        static final String NAME = "listing-of-whoever-asks";
        private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            String id = request.getUrl().replaceAll("^/api/v1/listings/([^/?]+).*$", "$1");
            return jsonResponse(listing(id, subject(request.getHeader("Authorization"))), 200).build();
        }

        private static String subject(String authorization) {
            String payload = new String(Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            Matcher subject = SUBJECT.matcher(payload);
            return subject.find() ? subject.group(1) : "";
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

    static String listing(String id, String owner) {
        return "{\"id\":\"" + id + "\",\"kind\":\"OFFER\",\"status\":\"PUBLISHED\",\"ownerId\":\"" + owner
                + "\",\"title\":{\"fr\":\"Offre\"}}";
    }
}
