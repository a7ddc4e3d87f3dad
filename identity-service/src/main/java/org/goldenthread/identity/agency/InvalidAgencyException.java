package org.goldenthread.identity.agency;

/** An agency description that breaks a rule of the registry; names the field at fault. */
public class InvalidAgencyException extends IllegalArgumentException {

    private final String field;

    public InvalidAgencyException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
