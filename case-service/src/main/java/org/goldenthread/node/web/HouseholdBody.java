package org.goldenthread.node.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/households/{ref}}: the members, each a subject of this node by its reference,
 * with a relationship (PARENT|CHILD|SIBLING|PARTNER|GRANDPARENT|CARER|OTHER) and a period
 * ("from" date, "to" date or absent while a member).
 */
record HouseholdBody(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid MemberBody> members) {

    /** One membership. */
    record MemberBody(@NotBlank String subjectRef, @NotBlank String relationship, @NotBlank String from, String to) {
    }
}
