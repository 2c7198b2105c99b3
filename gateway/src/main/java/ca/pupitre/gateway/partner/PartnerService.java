package ca.pupitre.gateway.partner;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Partners and their API keys: registration (the key is shown once), rotation (the replaced keys
 * keep working for {@code pupitre.partners.key-grace}) and revocation (immediate). Every change
 * fires {@link PartnerKeysChanged} so the proxy's short-lived caches forget those keys on commit.
 */
@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;
    private final PartnerKeyRepository keys;
    private final Event<PartnerKeysChanged> changes;
    private final GatewayConfig config;
    private final Clock clock;

    public PartnerService(PartnerRepository partners, PartnerKeyRepository keys, Event<PartnerKeysChanged> changes,
            GatewayConfig config, Clock clock) {
        this.partners = partners;
        this.keys = keys;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public PartnerCreated register(PartnerRequest request) {
        Instant now = clock.instant();
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.name = request.name().strip();
        partner.contactEmail = request.contactEmail().strip();
        partner.feeds(request.feeds());
        partner.createdAt = now;
        partners.persist(partner);
        ApiKeys.Minted minted = newKey(partner.id, now);
        return new PartnerCreated(partner.id, partner.name, partner.contactEmail, partner.feeds(), partner.createdAt,
                minted.key(), minted.prefix());
    }

    @Transactional
    public List<PartnerView> list() {
        Instant now = clock.instant();
        List<Partner> all = partners.list("order by createdAt, id");
        Map<UUID, List<PartnerKey>> keysByPartner = keys.ofPartners(all.stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(k -> k.partnerId));
        return all.stream().map(p -> view(p, keysByPartner.getOrDefault(p.id, List.of()), now)).toList();
    }

    @Transactional
    public PartnerView get(UUID id) {
        Partner partner = find(id);
        return view(partner, keys.ofPartner(id, false), clock.instant());
    }

    /** Issues a new key; the partner's ACTIVE keys move to GRACE until now + the configured grace. */
    @Transactional
    public PartnerKeyIssued rotate(UUID partnerId) {
        find(partnerId);
        Instant now = clock.instant();
        Instant graceEnd = now.plus(config.partners().keyGrace());
        Set<String> changed = new LinkedHashSet<>();
        for (PartnerKey key : keys.ofPartner(partnerId, true)) {
            if (key.statusAt(now) == PartnerKeyStatus.ACTIVE) {
                key.expiresAt = graceEnd;
                changed.add(key.prefix);
            }
        }
        ApiKeys.Minted minted = newKey(partnerId, now);
        changes.fire(new PartnerKeysChanged(changed));
        return new PartnerKeyIssued(partnerId, minted.key(), minted.prefix(), now, changed.isEmpty() ? null : graceEnd);
    }

    /** Stops a key at once (idempotent: revoking a revoked key changes nothing). */
    @Transactional
    public PartnerKeyView revoke(UUID partnerId, String prefix) {
        find(partnerId);
        PartnerKey key = keys.findByPrefix(prefix).filter(k -> k.partnerId.equals(partnerId))
                .orElseThrow(() -> ProblemException.notFound("PARTNER_KEY_NOT_FOUND", prefix));
        Instant now = clock.instant();
        if (key.revokedAt == null) {
            key.revokedAt = now;
        }
        changes.fire(new PartnerKeysChanged(Set.of(prefix)));
        return PartnerKeyView.of(key, now);
    }

    /** The key with this prefix and its partner, for the proxy (called on a worker thread). */
    @Transactional
    public Optional<KeySnapshot> lookup(String prefix) {
        return keys.findByPrefix(prefix).flatMap(key -> partners.findByIdOptional(key.partnerId)
                .map(partner -> new KeySnapshot(key.prefix, key.keyHash, key.expiresAt, key.revokedAt, partner.id,
                        partner.feeds().stream().map(Feed::name).toList())));
    }

    private ApiKeys.Minted newKey(UUID partnerId, Instant now) {
        ApiKeys.Minted minted = ApiKeys.mint();
        while (keys.prefixTaken(minted.prefix())) {
            minted = ApiKeys.mint();
        }
        PartnerKey key = new PartnerKey();
        key.id = UUID.randomUUID();
        key.partnerId = partnerId;
        key.prefix = minted.prefix();
        key.keyHash = minted.hash();
        key.createdAt = now;
        keys.persist(key);
        return minted;
    }

    private Partner find(UUID id) {
        return partners.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("PARTNER_NOT_FOUND", id));
    }

    private static PartnerView view(Partner partner, List<PartnerKey> partnerKeys, Instant now) {
        List<PartnerKeyView> views = new ArrayList<>();
        partnerKeys.forEach(key -> views.add(PartnerKeyView.of(key, now)));
        return new PartnerView(partner.id, partner.name, partner.contactEmail, partner.feeds(), partner.createdAt, views);
    }
}
