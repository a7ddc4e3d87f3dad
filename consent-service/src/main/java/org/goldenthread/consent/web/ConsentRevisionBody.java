package org.goldenthread.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.goldenthread.consent.web.ConsentBody.ProvisionBody;

/** {@code PUT /api/consents/{id}}: the terms of the next revision; the subject stays the record's own. */
record ConsentRevisionBody(
        @NotNull @Valid ConsentBody.Period period,
        @NotNull @Valid ConsentBody.EvidenceBody evidence,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ProvisionBody> provisions) {
}
