package ca.pupitre.gateway.partner;

import java.util.Set;

/** Fired inside the transaction that changed these keys; caches drop them once it commits. */
public record PartnerKeysChanged(Set<String> prefixes) {
}
