package org.goldenthread.node.web;

import java.util.List;

/** {@code GET /api/subjects/{ref}/households}: every household that lists the person, by reference. */
record SubjectHouseholds(String subjectRef, List<HouseholdView> households) {
}
