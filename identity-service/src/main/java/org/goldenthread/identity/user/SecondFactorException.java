package org.goldenthread.identity.user;

/**
 * A second-factor request that cannot be carried out. {@link #code()} is a stable problem code;
 * {@link #conflict()} says the request does not fit the account's state (409) rather than being
 * wrong in itself (400).
 */
public class SecondFactorException extends RuntimeException {

    private final String code;
    private final boolean conflict;

    public SecondFactorException(String code, boolean conflict, String message) {
        super(message);
        this.code = code;
        this.conflict = conflict;
    }

    public String code() {
        return code;
    }

    public boolean conflict() {
        return conflict;
    }
}
