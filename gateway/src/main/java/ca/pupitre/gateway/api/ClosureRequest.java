package ca.pupitre.gateway.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Closing one's account: the password again, so that a stolen access token alone cannot do it. */
public record ClosureRequest(@NotNull @Size(max = 128) String password) {
}
