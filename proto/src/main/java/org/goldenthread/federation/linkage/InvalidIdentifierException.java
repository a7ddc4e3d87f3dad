package org.goldenthread.federation.linkage;

/**
 * An identifier that cannot be used to link a person: a bad NHS check digit, an impossible date,
 * a malformed National Insurance number. Carries the field name so REST and gRPC edges can
 * answer with a field-level message. The message never repeats the rejected value: it may be
 * personal data.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentifierException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
