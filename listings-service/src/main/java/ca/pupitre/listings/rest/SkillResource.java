package ca.pupitre.listings.rest;

import ca.pupitre.listings.api.SkillView;
import ca.pupitre.listings.service.SkillTaxonomy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/skills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Skills")
public class SkillResource {

    private final SkillTaxonomy taxonomy;

    public SkillResource(SkillTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    @PermitAll
    @Operation(summary = "The bilingual skills taxonomy (stable codes, labels and search synonyms in fr and en)")
    @APIResponse(responseCode = "200", description = "Every skill of the taxonomy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SkillView.class, maxItems = SkillTaxonomy.SKILLS_MAX)))
    public List<SkillView> listSkills() {
        return List.copyOf(taxonomy.all());
    }
}
