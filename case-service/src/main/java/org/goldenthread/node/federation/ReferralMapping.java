package org.goldenthread.node.federation;

import org.goldenthread.node.referral.ReferralStatus;

/** Referral statuses between the wire and the node. */
final class ReferralMapping {

    private ReferralMapping() {
    }

    static org.goldenthread.proto.node.v1.ReferralStatus status(ReferralStatus status) {
        return org.goldenthread.proto.node.v1.ReferralStatus.valueOf("REFERRAL_STATUS_" + status.name());
    }

    /** The node's status for a wire status; null for UNSPECIFIED or an unknown number. */
    static ReferralStatus status(org.goldenthread.proto.node.v1.ReferralStatus status) {
        return switch (status) {
            case REFERRAL_STATUS_RECEIVED -> ReferralStatus.RECEIVED;
            case REFERRAL_STATUS_ACCEPTED -> ReferralStatus.ACCEPTED;
            case REFERRAL_STATUS_DECLINED -> ReferralStatus.DECLINED;
            case REFERRAL_STATUS_WITHDRAWN -> ReferralStatus.WITHDRAWN;
            case REFERRAL_STATUS_CLOSED -> ReferralStatus.CLOSED;
            default -> null;
        };
    }
}
