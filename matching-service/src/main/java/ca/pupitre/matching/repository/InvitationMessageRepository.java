package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.InvitationMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvitationMessageRepository implements PanacheRepositoryBase<InvitationMessage, UUID> {

    public List<InvitationMessage> thread(UUID invitationId) {
        return list("invitationId = ?1 order by createdAt, id", invitationId);
    }
}
