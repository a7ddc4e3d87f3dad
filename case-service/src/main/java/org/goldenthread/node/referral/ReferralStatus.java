package org.goldenthread.node.referral;

import java.util.Map;
import java.util.Set;

/**
 * Where a referral stands, and who may move it where. The receiving agency answers a received
 * referral (ACCEPTED, DECLINED) and closes an accepted one; the referrer may withdraw it until it is
 * declined or finished. No status is ever re-entered, so each is left at most once (which
 * {@link ReferralStore} uses as its compare-and-set).
 */
public enum ReferralStatus {
    RECEIVED, ACCEPTED, DECLINED, WITHDRAWN, CLOSED;

    /** Who asks for a change. */
    public enum Party { RECEIVER, REFERRER }

    private static final Map<ReferralStatus, Set<ReferralStatus>> BY_RECEIVER = Map.of(
            RECEIVED, Set.of(ACCEPTED, DECLINED), ACCEPTED, Set.of(CLOSED));
    private static final Map<ReferralStatus, Set<ReferralStatus>> BY_REFERRER = Map.of(
            RECEIVED, Set.of(WITHDRAWN), ACCEPTED, Set.of(WITHDRAWN));

    public boolean canMoveTo(ReferralStatus next, Party party) {
        return (party == Party.RECEIVER ? BY_RECEIVER : BY_REFERRER).getOrDefault(this, Set.of()).contains(next);
    }
}
