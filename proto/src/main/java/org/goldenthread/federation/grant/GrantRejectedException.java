package org.goldenthread.federation.grant;

/** Why a presented grant was not accepted; the reason decides the gRPC status and the audit entry. */
public class GrantRejectedException extends Exception {

    /** Reasons, each with whether the caller failed to authenticate or is not permitted. */
    public enum Reason {
        MISSING(true),
        MALFORMED(true),
        BAD_SIGNATURE(true),
        EXPIRED(true),
        NOT_YET_VALID(true),
        WRONG_ISSUER(true),
        WRONG_AUDIENCE(false),
        WRONG_SUBJECT(false),
        CATEGORY_NOT_GRANTED(false),
        /** Already honoured once for this operation: a grant is used once (page continuation aside). */
        REPLAYED(false),
        /** The node cannot hold another grant in its replay cache: refused rather than unchecked. */
        REPLAY_CACHE_FULL(false);

        private final boolean unauthenticated;

        Reason(boolean unauthenticated) {
            this.unauthenticated = unauthenticated;
        }

        /** True: gRPC UNAUTHENTICATED; false: PERMISSION_DENIED. */
        public boolean unauthenticated() {
            return unauthenticated;
        }
    }

    private final Reason reason;

    public GrantRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
