package ca.pupitre.matching;

import ca.pupitre.testing.ServiceTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * All matching tests share one app start against the real test database (role "matching") and one fake of
 * the gateway, listings and billing ({@link FakeServices}). The feed poller is off: tests poll by hand.
 */
public class MatchingTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceTestResource.class, Map.of("role", "matching")),
                new TestResourceEntry(FakeServices.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("pupitre.matching.feed.enabled", "false"),
                Map.entry("pupitre.matching.alerts.mail-enabled", "false"),
                Map.entry("pupitre.matching.public-url", "https://pupitre.test"),
                Map.entry("pupitre.matching.feed.page-size", "2"),
                Map.entry("pupitre.matching.feed.max-pages-per-poll", "10000"),
                Map.entry("pupitre.service.secret", "test-secret"),
                Map.entry("pupitre.matching.invitations.daily-limit-per-client", "3"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/changes/Timeout/value", "1000"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/changes/Timeout/unit", "MILLIS"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/changes/Retry/delay", "10"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/changes/CircuitBreaker/delay", "300"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/changes/CircuitBreaker/delayUnit", "MILLIS"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/skills/Timeout/value", "1000"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/skills/Timeout/unit", "MILLIS"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/skills/CircuitBreaker/delay", "300"),
                Map.entry("ca.pupitre.matching.client.ListingsClient/skills/CircuitBreaker/delayUnit", "MILLIS"),
                Map.entry("ca.pupitre.matching.client.BillingClient/reviewEligibility/Timeout/value", "1000"),
                Map.entry("ca.pupitre.matching.client.BillingClient/reviewEligibility/Timeout/unit", "MILLIS"),
                Map.entry("ca.pupitre.matching.client.BillingClient/reviewEligibility/Retry/delay", "10"),
                Map.entry("ca.pupitre.matching.client.BillingClient/reviewEligibility/CircuitBreaker/delay", "300"),
                Map.entry("ca.pupitre.matching.client.BillingClient/reviewEligibility/CircuitBreaker/delayUnit", "MILLIS"));
    }
}
