package org.goldenthread.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final AuditEntry ENTRY = AuditEntry.of(7, Instant.parse("2026-03-14T10:15:30.120Z"),
            new AuditEvent("GetSubjectRecord", AuditOutcome.RELEASED, "g-1", "kim", "council", "CASE_MANAGEMENT",
                    "CONSENT", List.of("CRIME", "HOUSING"), List.of("r1"), null, "req \"1\"\n", "d1"),
            AuditChain.GENESIS);

    @Test
    void writesTheDocumentedCanonicalForm() {
        assertThat(AuditChain.canonicalJson(ENTRY)).isEqualTo("{\"sequence\":7,\"at\":\"2026-03-14T10:15:30.120Z\","
                + "\"operation\":\"GetSubjectRecord\",\"outcome\":\"RELEASED\",\"grantId\":\"g-1\",\"requester\":\"kim\","
                + "\"requesterAgency\":\"council\",\"purpose\":\"CASE_MANAGEMENT\",\"basis\":\"CONSENT\","
                + "\"categories\":[\"CRIME\",\"HOUSING\"],\"recordIds\":[\"r1\"],\"refusalReason\":\"\","
                + "\"requestId\":\"req \\\"1\\\"\\u000a\",\"subjectDigest\":\"d1\"}");
    }

    @Test
    void hashesThePreviousHashFollowedByTheCanonicalForm() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest((AuditChain.GENESIS + AuditChain.canonicalJson(ENTRY)).getBytes(StandardCharsets.UTF_8));
        assertThat(AuditChain.hash(AuditChain.GENESIS, ENTRY)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void changesTheHashWhenAnyFieldOrTheLinkChanges() {
        String original = AuditChain.hash(AuditChain.GENESIS, ENTRY);
        AuditEntry altered = new AuditEntry(7, ENTRY.at(), ENTRY.operation(), AuditOutcome.REFUSED, ENTRY.grantId(),
                ENTRY.requester(), ENTRY.requesterAgency(), ENTRY.purpose(), ENTRY.basis(), ENTRY.categories(),
                ENTRY.recordIds(), ENTRY.refusalReason(), ENTRY.requestId(), ENTRY.subjectDigest(), ENTRY.prevHash(), "");
        assertThat(AuditChain.hash(AuditChain.GENESIS, altered)).isNotEqualTo(original);
        assertThat(AuditChain.hash("1".repeat(64), ENTRY)).isNotEqualTo(original);
    }
}
