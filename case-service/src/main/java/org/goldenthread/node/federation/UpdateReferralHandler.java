package org.goldenthread.node.federation;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.goldenthread.node.NodeProperties;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.referral.Referral;
import org.goldenthread.node.referral.ReferralStatus;
import org.goldenthread.node.referral.ReferralStore;
import org.goldenthread.node.referral.ReferralTransitionException;
import org.goldenthread.proto.node.v1.UpdateReferralRequest;
import org.goldenthread.proto.node.v1.UpdateReferralResponse;
import org.springframework.stereotype.Component;

/**
 * UpdateReferral on a referral this node received. The grant must be genuine, come from the
 * referring agency or this agency (its staff answering through the gateway), be bound to the
 * referral's own subject tokens and carry the referral's purpose. This agency may accept (with
 * its case id), decline (with a reason) or close; the referrer may withdraw. A referral neither
 * party of the grant is party to is NOT_FOUND, as is an unknown id.
 */
@Component
class UpdateReferralHandler {

    private final FederationCalls calls;
    private final ReferralStore referrals;
    private final CaseStore cases;
    private final String agencyId;

    UpdateReferralHandler(FederationCalls calls, ReferralStore referrals, CaseStore cases, NodeProperties node) {
        this.calls = calls;
        this.referrals = referrals;
        this.cases = cases;
        this.agencyId = node.agencyId();
    }

    void handle(UpdateReferralRequest request, StreamObserver<UpdateReferralResponse> out) {
        Referral[] found = new Referral[1];
        calls.serveStored("UpdateReferral", grant -> {
            Referral referral = request.getReferralId().matches(SubmitReferralHandler.ID)
                    ? referrals.byId(request.getReferralId()).orElse(null) : null;
            if (referral == null || !List.of(referral.fromAgency(), referral.toAgency()).contains(grant.requesterAgency())) {
                throw new FederationRefusal(Status.Code.NOT_FOUND, "UNKNOWN_REFERRAL", "no such referral for this caller", grant);
            }
            found[0] = referral;
            return referral.tokens();
        }, out, grant -> {
            Referral referral = found[0];
            if (grant.purpose() != referral.purpose()) {
                throw FederationRefusal.permissionDenied("WRONG_PURPOSE", "the grant's purpose is not the referral's", grant);
            }
            ReferralStatus next = ReferralMapping.status(request.getStatus());
            if (next == null || next == ReferralStatus.RECEIVED) {
                throw FederationRefusal.invalidArgument("BAD_STATUS", "the new status must be ACCEPTED, DECLINED, WITHDRAWN or CLOSED");
            }
            String reason = request.getReason().strip();
            if (next == ReferralStatus.DECLINED && reason.isEmpty() || reason.length() > 2000) {
                throw FederationRefusal.invalidArgument("BAD_REASON", "declining needs a reason of at most 2000 characters");
            }
            String caseId = request.getCaseId();
            if (!caseId.isEmpty() && (next != ReferralStatus.ACCEPTED || cases.byIds(List.of(caseId)).isEmpty())) {
                throw FederationRefusal.invalidArgument("UNKNOWN_CASE", "case_id must be one of this node's cases, when accepting");
            }
            // This agency's own grant answers as the receiver; the referring agency's as the referrer.
            ReferralStatus.Party party = agencyId.equals(grant.requesterAgency())
                    ? ReferralStatus.Party.RECEIVER : ReferralStatus.Party.REFERRER;
            Referral moved;
            try {
                moved = referrals.move(referral.referralId(), next, party, reason, caseId, grant.requester()).orElseThrow();
            } catch (ReferralTransitionException e) {
                throw new FederationRefusal(Status.Code.FAILED_PRECONDITION, "BAD_TRANSITION",
                        "the referral is " + e.current() + " and cannot move to " + next + " by this party", grant);
            }
            return new Release<>(UpdateReferralResponse.newBuilder().setReferralId(moved.referralId())
                    .setStatus(ReferralMapping.status(moved.status())).setUpdatedAt(RecordMapping.timestamp(moved.updatedAt()))
                    .build(), List.of(), List.of("referral/" + moved.referralId()));
        });
    }
}
