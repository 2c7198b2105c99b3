package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.ClientBlock;
import java.time.Instant;
import java.util.UUID;

public record BlockView(UUID clientId, Instant createdAt) {

    public static BlockView of(ClientBlock b) {
        return new BlockView(b.key.clientId(), b.createdAt);
    }
}
