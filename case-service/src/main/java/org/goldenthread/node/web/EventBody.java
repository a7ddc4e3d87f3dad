package org.goldenthread.node.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/cases/{caseRef}/events/{ref}}: kind INCIDENT|CONTACT|ASSESSMENT|NOTE, its own category. */
record EventBody(
        @NotBlank String kind,
        @NotBlank String category,
        @NotBlank String occurredAt,
        @NotBlank @Size(max = 4000) String summary) {

    @Override
    public String toString() {
        return "EventBody[" + kind + ", " + category + "]";
    }
}
