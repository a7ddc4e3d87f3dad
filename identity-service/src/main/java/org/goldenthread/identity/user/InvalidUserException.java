package org.goldenthread.identity.user;

/** A user description that breaks a rule; names the field at fault, never echoes a password. */
public class InvalidUserException extends IllegalArgumentException {

    private final String field;

    public InvalidUserException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
