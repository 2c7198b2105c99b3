package ca.pupitre.matching.rest.dto;

import java.util.UUID;

/** A referral code as anyone may read it: the secretary it recommends and how many clients recommend her. */
public record ReferralCodeView(String code, UUID secretaryId, long recommendedBy) {
}
