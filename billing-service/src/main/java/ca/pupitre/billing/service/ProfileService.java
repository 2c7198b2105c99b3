package ca.pupitre.billing.service;

import ca.pupitre.billing.api.ProfileRequest;
import ca.pupitre.billing.api.ProfileView;
import ca.pupitre.billing.domain.BillingProfile;
import ca.pupitre.billing.domain.TaxNumbers;
import ca.pupitre.billing.domain.tax.Province;
import ca.pupitre.billing.domain.tax.UnknownProvinceException;
import ca.pupitre.billing.repository.BillingProfileRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Tax profiles: what an invoice prints about its supplier (secretary) and its recipient (client). */
@ApplicationScoped
public class ProfileService {

    private final BillingProfileRepository profiles;
    private final Clock clock;

    public ProfileService(BillingProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Transactional
    public ProfileView put(Caller caller, ProfileRequest request) {
        return put(caller, request, null);
    }

    /**
     * {@code verifiedEmail}: the account's address when the gateway's token says it is verified, else null.
     * Reminders go to the typed address only when it is that one, otherwise to the verified account address:
     * never to an address nobody proved, which would let anyone aim Pupitre's mail at a stranger.
     */
    @Transactional
    public ProfileView put(Caller caller, ProfileRequest request, String verifiedEmail) {
        UUID user = caller.requirePersonId();
        BillingProfile.Kind kind = caller.is(Roles.SECRETARY) ? BillingProfile.Kind.SECRETARY : BillingProfile.Kind.CLIENT;
        String province;
        try {
            province = Province.fromCode(request.province()).code();
        } catch (UnknownProvinceException e) {
            throw ProblemException.unprocessable("UNKNOWN_PROVINCE", request.province());
        }
        BillingProfile profile = profiles.findByIdOptional(user).orElseGet(BillingProfile::new);
        profile.userId = user;
        profile.kind = kind;
        profile.legalName = request.legalName().strip();
        profile.address = request.address().strip();
        profile.province = province;
        profile.email = blankToNull(request.email());
        profile.reminderEmail = verifiedEmail == null ? null
                : profile.email != null && profile.email.equalsIgnoreCase(verifiedEmail) ? profile.email : verifiedEmail;
        if (kind == BillingProfile.Kind.SECRETARY) {
            boolean small = Boolean.TRUE.equals(request.smallSupplier());
            String gst = blankToNull(request.gstNumber());
            String qst = blankToNull(request.qstNumber());
            if (small) {
                if (gst != null || qst != null) {
                    throw ProblemException.unprocessable("SMALL_SUPPLIER_WITH_TAX_NUMBERS");
                }
                profile.gstNumber = null;
                profile.qstNumber = null;
            } else {
                if (gst == null || qst == null) {
                    throw ProblemException.unprocessable("TAX_NUMBERS_REQUIRED");
                }
                profile.gstNumber = TaxNumbers.gst(gst).orElseThrow(() -> ProblemException.unprocessable("INVALID_GST_NUMBER", gst));
                profile.qstNumber = TaxNumbers.qst(qst).orElseThrow(() -> ProblemException.unprocessable("INVALID_QST_NUMBER", qst));
            }
            profile.smallSupplier = small;
            profile.paymentInstructions = blankToNull(request.paymentInstructions());
        } else {
            // A client is the recipient: no supplier fields are kept for her.
            profile.smallSupplier = false;
            profile.gstNumber = null;
            profile.qstNumber = null;
            profile.paymentInstructions = null;
        }
        profile.updatedAt = clock.instant();
        if (!profiles.isPersistent(profile)) {
            profiles.persist(profile);
        }
        return ProfileView.of(profile);
    }

    public ProfileView get(Caller caller) {
        return profiles.findByIdOptional(caller.requirePersonId()).map(ProfileView::of)
                .orElseThrow(() -> ProblemException.notFound("PROFILE_NOT_FOUND"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
