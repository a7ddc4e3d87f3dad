package org.goldenthread.node.referral;

/** The referral cannot move from its current status to the one asked (by this party). */
public class ReferralTransitionException extends Exception {

    private final ReferralStatus current;

    public ReferralTransitionException(ReferralStatus current) {
        super("a referral that is " + current + " cannot move there", null, false, false);
        this.current = current;
    }

    public ReferralStatus current() {
        return current;
    }
}
