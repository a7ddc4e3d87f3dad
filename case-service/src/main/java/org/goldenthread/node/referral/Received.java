package org.goldenthread.node.referral;

/** The outcome of a submission: the referral as stored, and whether this submission created it. */
public record Received(Referral referral, boolean created) {
}
