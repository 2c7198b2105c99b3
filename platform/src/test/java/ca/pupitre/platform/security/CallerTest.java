package ca.pupitre.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.pupitre.platform.problem.ProblemException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final UUID JOSEE = UUID.randomUUID();

    @Test
    void aPersonIsHerAccountIdInHerRole() {
        Caller secretary = new Caller(JOSEE.toString(), Set.of(Roles.SECRETARY), true, null);
        assertThat(secretary.personId()).isEqualTo(JOSEE);
        assertThat(secretary.requirePersonId()).isEqualTo(JOSEE);
        assertThat(secretary.isPerson(JOSEE, Roles.SECRETARY)).isTrue();
        assertThat(secretary.isPerson(JOSEE, Roles.CLIENT)).as("the same id in another role").isFalse();
        assertThat(secretary.isPerson(UUID.randomUUID(), Roles.SECRETARY)).as("someone else").isFalse();
        assertThat(secretary.isAdmin()).isFalse();
        assertThat(secretary.requireVerifiedEmail()).isSameAs(secretary);
    }

    @Test
    void servicesPartnersAndNobodyAreNotPeople() {
        Caller billing = new Caller("service:billing", Set.of(Roles.SERVICE), false, null);
        assertThat(billing.personId()).isNull();
        assertThat(billing.isService("service:billing")).isTrue();
        assertThat(billing.isService("service:matching")).isFalse();
        assertThatThrownBy(billing::requirePersonId).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));

        Caller partner = new Caller("partner:" + UUID.randomUUID(), Set.of(Roles.PARTNER), false, null);
        assertThat(partner.personId()).isNull();
        // a partner's subject that happens to be a bare UUID is still not a person
        assertThat(new Caller(UUID.randomUUID().toString(), Set.of(Roles.PARTNER), false, null).personId()).isNull();

        Caller nobody = Caller.anonymous();
        assertThat(nobody.isAnonymous()).isTrue();
        assertThat(nobody.personId()).isNull();
        assertThat(Caller.of((org.eclipse.microprofile.jwt.JsonWebToken) null).isAnonymous()).isTrue();
    }

    @Test
    void anUnverifiedAddressReachesNobodyButAnAdminMay() {
        Caller unverified = new Caller(JOSEE.toString(), Set.of(Roles.CLIENT), false, null);
        assertThatThrownBy(unverified::requireVerifiedEmail).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("EMAIL_NOT_VERIFIED"));
        Caller admin = new Caller(UUID.randomUUID().toString(), Set.of(Roles.ADMIN), false, null);
        assertThat(admin.requireVerifiedEmail()).isSameAs(admin);
        assertThat(admin.personId()).isNotNull();
    }
}
