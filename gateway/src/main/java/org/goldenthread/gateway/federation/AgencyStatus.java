package org.goldenthread.gateway.federation;

/** What happened with one agency in one federated request (ARCHITECTURE.md §5). */
public enum AgencyStatus {
    /** Asked, and it holds a record of the subject. */
    OK,
    /** Asked, and it holds no record of the subject (or only matches too weak to release). */
    NO_RECORD,
    /** Not asked: no lawful basis covers this request. */
    NOT_PERMITTED,
    /** Asked, but its node could not be reached or is not registered as active. */
    UNAVAILABLE,
    /** Asked, but its node did not answer within the deadline. */
    TIMEOUT,
    /** Not asked: its circuit breaker is open or its bulkhead is full after recent failures. */
    CIRCUIT_OPEN,
    /** Asked, and the node answered with an error (including refusing the grant). */
    ERROR
}
