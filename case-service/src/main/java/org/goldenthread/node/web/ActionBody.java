package org.goldenthread.node.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/cases/{caseRef}/actions/{ref}}: dueDate "YYYY-MM-DD", status OPEN|DONE|CANCELLED. */
record ActionBody(
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 63) String ownerAgency,
        String dueDate,
        @NotBlank String status) {
}
