package ca.pupitre.gateway.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of refresh and logout: the refresh token received with the last token answer. */
public record RefreshRequest(@JsonProperty("refresh_token") @JsonAlias("refreshToken") @NotBlank @Size(max = 200) String refreshToken) {
}
