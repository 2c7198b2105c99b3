package ca.pupitre.matching.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral code as anyone may read it: the secretary it recommends and how many clients recommend her. */
public record ReferralCodeView(@Schema(maxLength = 16) String code, UUID secretaryId,
        @Schema(description = "Distinct clients", minimum = "0", maximum = "9223372036854775807") long recommendedBy) {
}
