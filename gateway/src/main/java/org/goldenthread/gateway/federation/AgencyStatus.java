package org.goldenthread.gateway.federation;

/** What happened with one agency in one federated request (ARCHITECTURE.md §5). */
public enum AgencyStatus {
    /** Asked, and it holds a record of the subject: exactly one person, at EXACT or STRONG strength (or confirmed). */
    OK,
    /** Asked, and it holds no record of the subject (or only matches too weak to release). */
    NO_RECORD,
    /**
     * Asked, and it released nothing because the identifiers do not settle one person there: more than
     * one person matches, a person matches on some identifiers and disagrees on others, or the one match
     * is not known by the identifiers the lawful basis was recorded under. {@code reason} says what to do.
     */
    AMBIGUOUS,
    /**
     * Asked, and it holds only a POSSIBLE match (a similar name, the same date of birth and district): nothing
     * beyond INVOLVEMENT is released until the key-worker confirms it ({@code confirmation}).
     */
    NEEDS_CONFIRMATION,
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
