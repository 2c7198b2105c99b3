package ca.pupitre.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.web.api.PupitreApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    @Test
    void aTitleHoldingAClosingScriptTagCannotLeaveTheScriptElement() throws Exception {
        String title = "Urgent </script><script>alert(1)</script> & <b>vite</b>\u2028";
        PupitreApi.Listing request = new PupitreApi.Listing(UUID.randomUUID(), "REQUEST", "PUBLISHED",
                new PupitreApi.Localized(title, null), new PupitreApi.Localized("Texte", null),
                new PupitreApi.Localized("Texte", null), List.of("transcription"), List.of("fr"),
                new PupitreApi.Pricing("HOUR", "38.00", "CAD"), null, null, true, null, null, "Étude Tremblay", false,
                null, Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-12-01T15:00:00Z"),
                Instant.parse("2027-01-30T15:00:00Z"), false, null, null, 1, null);
        String json = JsonLd.jobPosting(request, "fr", "https://pupitre.ca/fr/annonces/x");
        assertThat(json).doesNotContain("<", ">", "&", "\u2028");
        // and it still says exactly the same thing
        JsonNode read = new ObjectMapper().readTree(json);
        assertThat(read.get("title").asText()).isEqualTo(title);
        assertThat(read.get("@type").asText()).isEqualTo("JobPosting");
        assertThat(read.at("/baseSalary/value/value").decimalValue()).isEqualByComparingTo("38.00");
        assertThat(read.get("jobLocationType").asText()).isEqualTo("TELECOMMUTE");
        assertThat(read.at("/hiringOrganization/name").asText()).isEqualTo("Étude Tremblay");
    }
}
