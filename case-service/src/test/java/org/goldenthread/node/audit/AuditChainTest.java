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
    void appendsThePersonFieldsOnlyWhenTheyHoldSomething() {
        AuditEntry about = AuditEntry.of(8, ENTRY.at(), new AuditEvent("GetSubjectRecord", AuditOutcome.RELEASED, "g-2",
                "kim", "council", "CASE_MANAGEMENT", "CONSENT", List.of("CRIME"), List.of("r1"), "", "req", "d1",
                List.of("NHS:k1:aGFzaA"), List.of("p-1"), "CONFIRMED", "c-1"), ENTRY.hash());
        assertThat(AuditChain.canonicalJson(about)).endsWith(",\"subjectDigest\":\"d1\",\"tokenHashes\":[\"NHS:k1:aGFzaA\"],"
                + "\"personIds\":[\"p-1\"],\"match\":\"CONFIRMED\",\"confirmation\":\"c-1\"}");
        AuditEntry onlyTokens = AuditEntry.of(9, ENTRY.at(), new AuditEvent("GetSubjectRecord", AuditOutcome.REFUSED, "g-3",
                "kim", "council", "CASE_MANAGEMENT", "CONSENT", List.of(), List.of(), "AMBIGUOUS_SUBJECT", "req", "d1",
                List.of("NAME_DOB:k1:aGFzaA"), List.of(), "", ""), ENTRY.hash());
        assertThat(AuditChain.canonicalJson(onlyTokens)).endsWith(",\"subjectDigest\":\"d1\",\"tokenHashes\":[\"NAME_DOB:k1:aGFzaA\"]}");
    }

    @Test
    void keepsTheCanonicalFormOfAnEntryWithoutPersonFieldsAsItWasWritten() {
        // ENTRY is an entry as they were before persons were recorded: its form must not have changed.
        AuditEntry sameWithEmptyLists = new AuditEntry(7, ENTRY.at(), ENTRY.operation(), ENTRY.outcome(), ENTRY.grantId(),
                ENTRY.requester(), ENTRY.requesterAgency(), ENTRY.purpose(), ENTRY.basis(), ENTRY.categories(),
                ENTRY.recordIds(), ENTRY.refusalReason(), ENTRY.requestId(), ENTRY.subjectDigest(), null, null, null, null,
                ENTRY.prevHash(), "");
        assertThat(AuditChain.canonicalJson(sameWithEmptyLists)).isEqualTo(AuditChain.canonicalJson(ENTRY))
                .doesNotContain("tokenHashes", "personIds", "match", "confirmation");
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
                ENTRY.recordIds(), ENTRY.refusalReason(), ENTRY.requestId(), ENTRY.subjectDigest(), List.of(), List.of(),
                "", "", ENTRY.prevHash(), "");
        assertThat(AuditChain.hash(AuditChain.GENESIS, altered)).isNotEqualTo(original);
        assertThat(AuditChain.hash("1".repeat(64), ENTRY)).isNotEqualTo(original);
    }
}
