package org.goldenthread.node.federation;

import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.linkage.PersonSelection.Outcome;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.referral.Received;
import org.goldenthread.node.referral.Referral;
import org.goldenthread.node.referral.ReferralStatus;
import org.goldenthread.node.referral.ReferralStore;
import org.goldenthread.node.subject.LocalSelection;
import org.goldenthread.node.subject.SubjectMatcher;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.SubmitReferralRequest;
import org.goldenthread.proto.node.v1.SubmitReferralResponse;
import org.springframework.stereotype.Component;

/**
 * SubmitReferral: another agency asks this one to work with a person. Grant-checked like every
 * call (bound to the referral's tokens, used once), and further: addressed to this agency, sent by
 * the grant's requesting agency, for the grant's purpose, with categories inside the grant's scope
 * for this agency. The referral is linked to the one local person its tokens pick out, or to no
 * one (POSSIBLE or no match: staff find the person themselves); tokens matching several persons,
 * or disagreeing with one, are refused as any call about a subject is ({@link OnePersonRule}).
 * Idempotent on referral_id: a repeat (under a new grant) answers the stored referral's status.
 */
@Component
class SubmitReferralHandler {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    private static final Set<Purpose> NOT_FOR_REFERRALS = Set.of(Purpose.PURPOSE_UNSPECIFIED, Purpose.UNRECOGNIZED,
            Purpose.PURPOSE_OUTCOME_EVIDENCE, Purpose.PURPOSE_SUBJECT_ACCESS);

    private final FederationCalls calls;
    private final ReferralStore referrals;
    private final SubjectMatcher matcher;
    private final String agencyId;
    private final Clock clock = Clock.systemUTC();

    SubmitReferralHandler(FederationCalls calls, ReferralStore referrals, SubjectMatcher matcher, NodeProperties node) {
        this.calls = calls;
        this.referrals = referrals;
        this.matcher = matcher;
        this.agencyId = node.agencyId();
    }

    void handle(SubmitReferralRequest request, StreamObserver<SubmitReferralResponse> out) {
        var r = request.getReferral();
        calls.serve("SubmitReferral", r.getSubjectTokensList(), r.getCategoriesList(), out, grant -> {
            checkShape(r);
            checkAgainstGrant(r, grant);
            // Linked to one local person or to none: a referral's story is never filed against the wrong person.
            LocalSelection selection = OnePersonRule.require(
                    matcher.select(r.getSubjectTokensList(), grant.anchors(), grant.basisIdentity(), null), grant);
            List<String> matched = selection.outcome() == Outcome.ONE ? List.of(selection.chosen().subject().id()) : List.of();
            var now = clock.instant();
            Received received = referrals.receive(new Referral(r.getReferralId(), r.getFromAgency(), r.getToAgency(),
                    r.getSubjectTokensList(), r.getPurpose(), r.getStory(), r.getNeedsList(), r.getReferrer(),
                    r.getReferrerContact(), r.hasSentAt() ? RecordMapping.instant(r.getSentAt()) : now,
                    List.copyOf(Set.copyOf(r.getCategoriesList())), ReferralStatus.RECEIVED, "", "", now, now,
                    grant.requester(), matched));
            Referral stored = received.referral();
            if (!stored.fromAgency().equals(r.getFromAgency())) {
                // Another agency's referral holds this id: say so without telling anything about it.
                throw new FederationRefusal(io.grpc.Status.Code.ALREADY_EXISTS, "REFERRAL_ID_TAKEN",
                        "this referral id is taken; choose another", grant);
            }
            Release.Persons persons = matched.isEmpty() ? Release.Persons.NOBODY : Release.Persons.selected(selection.chosen());
            return new Release<>(SubmitReferralResponse.newBuilder().setReferralId(stored.referralId())
                    .setStatus(ReferralMapping.status(stored.status())).build(), stored.categories(),
                    List.of("referral/" + stored.referralId()), persons);
        });
    }

    private static void checkShape(org.goldenthread.proto.node.v1.Referral r) throws FederationRefusal {
        boolean ok = r.getReferralId().matches(ID)
                && !r.getStory().isBlank() && r.getStory().length() <= 10_000
                && r.getNeedsCount() <= 20 && r.getNeedsList().stream().allMatch(n -> !n.isBlank() && n.length() <= 100)
                && r.getReferrer().length() <= 200 && r.getReferrerContact().length() <= 200
                && !r.getFromAgency().isBlank() && r.getFromAgency().length() <= 63;
        if (!ok) {
            throw FederationRefusal.invalidArgument("BAD_REFERRAL", "a referral needs an id (1-100 letters, digits or . _ : -),"
                    + " a story of at most 10000 characters, at most 20 needs and short referrer details");
        }
        if (r.getCategoriesCount() == 0) {
            throw FederationRefusal.invalidArgument("NO_CATEGORIES", "a referral names the categories of its story");
        }
    }

    private void checkAgainstGrant(org.goldenthread.proto.node.v1.Referral r, AccessGrant grant) throws FederationRefusal {
        if (!agencyId.equals(r.getToAgency())) {
            throw FederationRefusal.invalidArgument("WRONG_RECIPIENT", "this node receives referrals to its own agency only");
        }
        if (!r.getFromAgency().equals(grant.requesterAgency())) {
            throw FederationRefusal.permissionDenied("WRONG_REFERRER", "the referral must come from the grant's agency", grant);
        }
        if (NOT_FOR_REFERRALS.contains(r.getPurpose()) || r.getPurpose() != grant.purpose()) {
            throw FederationRefusal.permissionDenied("WRONG_PURPOSE",
                    "the referral's purpose must be the grant's, and one that referrals serve", grant);
        }
        Set<DataCategory> scope = grant.scopeOf(agencyId);
        if (!scope.containsAll(r.getCategoriesList())) {
            throw FederationRefusal.permissionDenied("CATEGORY_NOT_GRANTED",
                    "the grant does not cover every category of the referral", grant);
        }
    }
}
