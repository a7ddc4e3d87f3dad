package org.goldenthread.node.household;

import java.time.LocalDate;

/**
 * One person's membership of a household over a period.
 *
 * @param subjectId the person's node id (never the agency's reference, which may change)
 * @param to the last day of membership; null while the person still belongs
 */
public record HouseholdMember(String subjectId, Relationship relationship, LocalDate from, LocalDate to) {
}
