package ca.pupitre.matching.service;

import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.ClientBlock;
import ca.pupitre.matching.domain.Invitation;
import ca.pupitre.matching.domain.InvitationMessage;
import ca.pupitre.matching.domain.InvitationState;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.repository.ClientBlockRepository;
import ca.pupitre.matching.repository.InvitationMessageRepository;
import ca.pupitre.matching.repository.InvitationRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import ca.pupitre.platform.metrics.BusinessEvents;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Invitations of a secretary's offer to a client's request, their message threads, and secretaries' blocks.
 * Non-parties get 404 (an invitation's existence is private); a party doing the other party's action gets 403;
 * a transition from a final state gets 409.
 */
@ApplicationScoped
public class InvitationService {

    private final BusinessEvents business;
    private final InvitationRepository invitations;
    private final InvitationMessageRepository messages;
    private final ClientBlockRepository blocks;
    private final ListingCopyRepository listings;
    private final MatchingConfig config;
    private final Clock clock;

    public InvitationService(InvitationRepository invitations, InvitationMessageRepository messages,
            ClientBlockRepository blocks, ListingCopyRepository listings, MatchingConfig config, Clock clock,
            BusinessEvents business) {
        this.business = business;
        this.invitations = invitations;
        this.messages = messages;
        this.blocks = blocks;
        this.listings = listings;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Invitation invite(Caller caller, UUID requestId, UUID offerId, String message) {
        Instant now = clock.instant();
        ListingCopy request = listings.findById(requestId);
        if (request == null || !"REQUEST".equals(request.kind)) {
            throw ProblemException.unprocessable("REQUEST_NOT_AVAILABLE");
        }
        if (!caller.isPerson(request.ownerId, Roles.CLIENT)) {
            throw ProblemException.forbidden("NOT_LISTING_OWNER");
        }
        if (!open(request, now)) {
            throw ProblemException.unprocessable("REQUEST_NOT_AVAILABLE");
        }
        ListingCopy offer = listings.findById(offerId);
        // a blocked client is told the same as for a closed offer: the block itself is the secretary's business
        if (offer == null || !"OFFER".equals(offer.kind) || !open(offer, now) || offer.ownerId == null
                || blocks.blocked(offer.ownerId, caller.personId())) {
            throw ProblemException.unprocessable("OFFER_NOT_AVAILABLE");
        }
        if (offer.ownerId.equals(caller.personId())) {
            throw ProblemException.unprocessable("OFFER_NOT_AVAILABLE");
        }
        int limit = config.invitations().dailyLimitPerClient();
        Instant windowStart = now.minus(Duration.ofDays(1));
        if (invitations.sentSince(caller.personId(), windowStart) >= limit) {
            Instant oldest = invitations.find("clientId = ?1 and createdAt > ?2 order by createdAt", caller.personId(), windowStart)
                    .firstResult().createdAt;
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(Duration.ofDays(1))).toSeconds());
            throw new ProblemException(429, "TOO_MANY_INVITATIONS", limit).withHeader("Retry-After", String.valueOf(retryAfter));
        }
        if (invitations.pendingExists(requestId, offerId)) {
            throw ProblemException.conflict("INVITATION_ALREADY_PENDING");
        }
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.requestId = requestId;
        invitation.offerId = offerId;
        invitation.clientId = caller.personId();
        invitation.secretaryId = offer.ownerId;
        invitation.state = InvitationState.PENDING;
        invitation.message = message == null || message.isBlank() ? null : message.strip();
        invitation.createdAt = now;
        invitations.persist(invitation);
        business.happened("pupitre.invitations.sent", "Invitations clients sent to secretaries");
        return invitation;
    }

    /** One invitation, for its two parties, an admin or billing (which starts engagements from accepted ones). */
    @Transactional
    public Invitation get(Caller caller, UUID id) {
        Invitation invitation = invitations.findById(id);
        if (invitation == null
                || !(caller.isAdmin() || caller.isService(config.invitationReader()) || party(caller, invitation))) {
            throw ProblemException.notFound("INVITATION_NOT_FOUND");
        }
        return invitation;
    }

    @Transactional
    public List<Invitation> mine(Caller caller, String role) {
        boolean sent = role == null ? caller.is(Roles.CLIENT) : "sent".equals(role);
        if (role != null && !"sent".equals(role) && !"received".equals(role)) {
            throw ProblemException.badRequest("INVALID_INVITATION_ROLE");
        }
        return sent ? invitations.sentBy(caller.personId()) : invitations.receivedBy(caller.personId());
    }

    @Transactional
    public Invitation accept(Caller caller, UUID id) {
        return answer(caller, id, InvitationState.ACCEPTED, null);
    }

    @Transactional
    public Invitation decline(Caller caller, UUID id, String reason) {
        return answer(caller, id, InvitationState.DECLINED, reason == null || reason.isBlank() ? null : reason.strip());
    }

    @Transactional
    public Invitation withdraw(Caller caller, UUID id) {
        Invitation invitation = partyOnly(caller, id);
        if (!caller.isPerson(invitation.clientId, Roles.CLIENT)) {
            throw ProblemException.forbidden("NOT_YOUR_ACTION");
        }
        transition(invitation, InvitationState.WITHDRAWN);
        return invitation;
    }

    @Transactional
    public List<InvitationMessage> thread(Caller caller, UUID id) {
        return messages.thread(partyOnly(caller, id).id);
    }

    @Transactional
    public InvitationMessage post(Caller caller, UUID id, String body) {
        Invitation invitation = partyOnly(caller, id);
        if (invitation.state == InvitationState.DECLINED || invitation.state == InvitationState.WITHDRAWN) {
            throw ProblemException.conflict("INVITATION_CLOSED", invitation.state.name());
        }
        InvitationMessage message = new InvitationMessage();
        message.id = UUID.randomUUID();
        message.invitationId = invitation.id;
        message.authorId = caller.personId();
        message.authorRole = caller.personId().equals(invitation.clientId) ? "CLIENT" : "SECRETARY";
        message.body = body.strip();
        message.createdAt = clock.instant();
        messages.persist(message);
        return message;
    }

    /** A secretary blocks a client; idempotent. Pending invitations from that client are declined. */
    @Transactional
    public ClientBlock block(Caller caller, UUID clientId) {
        ClientBlock.Key key = new ClientBlock.Key(caller.personId(), clientId);
        ClientBlock existing = blocks.findById(key);
        if (existing != null) {
            return existing;
        }
        ClientBlock block = new ClientBlock();
        block.key = key;
        block.createdAt = clock.instant();
        blocks.persist(block);
        invitations.list("clientId = ?1 and secretaryId = ?2 and state = ?3", clientId, caller.personId(), InvitationState.PENDING)
                .forEach(i -> i.moveTo(InvitationState.DECLINED, block.createdAt));
        return block;
    }

    @Transactional
    public List<ClientBlock> blocksOf(Caller caller) {
        return blocks.by(caller.personId());
    }

    @Transactional
    public void unblock(Caller caller, UUID clientId) {
        if (!blocks.deleteById(new ClientBlock.Key(caller.personId(), clientId))) {
            throw ProblemException.notFound("BLOCK_NOT_FOUND");
        }
    }

    private Invitation answer(Caller caller, UUID id, InvitationState next, String reason) {
        Invitation invitation = partyOnly(caller, id);
        if (!caller.isPerson(invitation.secretaryId, Roles.SECRETARY)) {
            throw ProblemException.forbidden("NOT_YOUR_ACTION");
        }
        transition(invitation, next);
        invitation.declineReason = reason;
        return invitation;
    }

    private void transition(Invitation invitation, InvitationState next) {
        InvitationState from = invitation.state;
        if (!invitation.moveTo(next, clock.instant())) {
            throw ProblemException.conflict("INVALID_INVITATION_TRANSITION", from.name(), next.name());
        }
        business.happened("pupitre.invitations.answered", "Invitations accepted, declined or withdrawn",
                "answer", next.name().toLowerCase(Locale.ROOT));
    }

    private Invitation partyOnly(Caller caller, UUID id) {
        Invitation invitation = invitations.findById(id);
        if (invitation == null || !party(caller, invitation)) {
            throw ProblemException.notFound("INVITATION_NOT_FOUND");
        }
        return invitation;
    }

    private static boolean party(Caller caller, Invitation invitation) {
        return caller.isPerson(invitation.clientId, Roles.CLIENT) || caller.isPerson(invitation.secretaryId, Roles.SECRETARY);
    }

    private static boolean open(ListingCopy copy, Instant now) {
        return "PUBLISHED".equals(copy.status) && (copy.expiresAt == null || copy.expiresAt.isAfter(now));
    }
}
