package org.goldenthread.gateway.consent;

/** consent-service did not give a decision: the gateway fails closed and contacts no node. */
public class ConsentUnavailableException extends RuntimeException {

    public ConsentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
