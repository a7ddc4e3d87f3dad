package org.goldenthread.node.web;

import jakarta.validation.constraints.Size;

/** Body of accept ({@code caseRef}: this node's case opened for it, optional) and decline ({@code reason}, required). */
record ReferralAnswerBody(@Size(max = 100) String caseRef, @Size(max = 2000) String reason) {
}
