package ca.pupitre.gateway.devmail;

import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The local stack's mailbox, for people trying Pupitre on their machine and for end-to-end tests. */
@Path("/api/v1/dev/mailbox")
@Tag(name = "Development")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class DevMailboxResource {

    /** What {@link #received} answers, as documented: the mailbox keeps its last 100 e-mails. */
    @Schema(name = "DevMailboxItems")
    record Received(@Schema(maxItems = 100) List<DevMailbox.Item> items) {
    }

    private final DevMailbox mailbox;

    public DevMailboxResource(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GET
    @RolesAllowed("ADMIN")
    @Operation(operationId = "readDevMailbox", summary = "E-mails the local stack sent (only when it runs with PUPITRE_DEV_MAILBOX=true, as ./run.sh does), newest first")
    @APIResponse(responseCode = "200", description = "{items: [{to, subject, text, sentAt}]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Received.class)))
    @APIResponse(responseCode = "404", description = "No dev mailbox on this stack", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, List<DevMailbox.Item>> received(
            @Parameter(description = "Only the e-mails sent to this address", schema = @Schema(type = SchemaType.STRING, maxLength = 254))
            @QueryParam("to") String to) {
        if (!mailbox.enabled()) {
            throw ProblemException.notFound("NOT_FOUND");
        }
        return Map.of("items", mailbox.received(to == null || to.isBlank() ? null : to));
    }
}
