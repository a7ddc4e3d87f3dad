package org.goldenthread.node.confirmation;

/** A confirmation reference that was not issued here for this requester and subject, or has expired. */
public final class BadConfirmationException extends Exception {

    public BadConfirmationException() {
        super("the confirmation is not one this node issued for this requester and subject, or it has expired",
                null, false, false);
    }
}
