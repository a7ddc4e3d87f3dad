package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.federation.linkage.TokenHashes;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.audit.AuditEntry;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;

/**
 * A test node's federation surface as the gateway sees it: grants signed by the consent key the
 * node trusts (one agency each, as consent-service issues them), a blocking stub per grant, and
 * refusals checked on the wire and in the node's own audit log.
 */
final class NodeClient {

    static final String REQUESTER = "kim.keyworker";

    final TestNode node;
    final String officer;

    NodeClient(TestNode node) {
        this.node = node;
        this.officer = node.issuers.userToken(TestNode.AGENCY, "PC Jones", "KEY_WORKER");
    }

    static AccessGrant grant(String requester, List<LinkageToken> subject, Purpose purpose,
            Set<LinkageTokenKind> anchors, DataCategory... scope) {
        return grant(requester, subject, purpose, anchors, List.of(), scope);
    }

    /** @param consentRecord the identifying tokens of the consent record the permit rests on (hashed into the grant) */
    static AccessGrant grant(String requester, List<LinkageToken> subject, Purpose purpose,
            Set<LinkageTokenKind> anchors, List<LinkageToken> consentRecord, DataCategory... scope) {
        Instant now = Instant.now();
        return new AccessGrant(UUID.randomUUID().toString(), requester, "council", purpose, SubjectDigest.of(subject),
                Map.of(TestNode.AGENCY, Set.of(scope)), Map.of(TestNode.AGENCY, LawfulBasis.LAWFUL_BASIS_CONSENT),
                now, now.plusSeconds(120), anchors, TokenHashes.hashAll(OnePerson.identifying(consentRecord)));
    }

    static AccessGrant grant(List<LinkageToken> subject, DataCategory... scope) {
        return grant(REQUESTER, subject, Purpose.PURPOSE_CASE_MANAGEMENT, Set.of(), scope);
    }

    /** An aggregate grant as consent-service issues it: purpose OUTCOME_EVIDENCE, naming no subject. */
    static AccessGrant countingGrant(DataCategory... scope) {
        Instant now = Instant.now();
        return new AccessGrant(UUID.randomUUID().toString(), "olu.outcomes", "council", Purpose.PURPOSE_OUTCOME_EVIDENCE,
                null, Map.of(TestNode.AGENCY, Set.of(scope)), Map.of(TestNode.AGENCY, LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK),
                now, now.plusSeconds(60));
    }

    CaseNodeGrpc.CaseNodeBlockingStub stub(AccessGrant grant) {
        return stub(node.issuers.grant(grant));
    }

    CaseNodeGrpc.CaseNodeBlockingStub stub(String jws) {
        Metadata headers = new Metadata();
        headers.put(CallMetadata.GRANT_HEADER, jws);
        headers.put(CallMetadata.REQUEST_ID_HEADER, "req-" + UUID.randomUUID());
        return CaseNodeGrpc.newBlockingStub(node.channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    List<LinkageToken> tokens(String nhs, String family, String given, LocalDate born, String postcode) {
        return node.linkage().tokensFor(new PersonIdentifiers(nhs, null, family, given, born, postcode));
    }

    /** Stores a person over the staff's REST API with one open CRIME case and one event whose summary is {@code secret}. */
    String person(String ref, String json, String secret) {
        ok("/api/subjects/" + ref, json);
        ok("/api/cases/C-" + ref, "{\"subjectRef\":\"" + ref + "\",\"caseType\":\"offender\",\"category\":\"CRIME\","
                + "\"status\":\"OPEN\",\"openedAt\":\"2026-01-10T09:00:00Z\",\"leadWorker\":\"PC Jones\",\"team\":\"IOM\","
                + "\"contact\":\"iom@police.example\",\"rag\":\"RED\"}");
        ok("/api/cases/C-" + ref + "/events/E1", "{\"kind\":\"NOTE\",\"category\":\"CRIME\","
                + "\"occurredAt\":\"2026-01-11T10:00:00Z\",\"summary\":\"" + secret + "\"}");
        String body = node.get("/api/subjects/" + ref, officer).getBody();
        return body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    }

    /** Stores an open case over the staff's REST API, with the known-to facts a partner may be shown. */
    void openCase(String caseRef, String subjectRef, String category, String openedOn, String leadWorker, String team,
            String contact) {
        ok("/api/cases/" + caseRef, "{\"subjectRef\":\"" + subjectRef + "\",\"caseType\":\"" + caseRef.toLowerCase()
                + "-type\",\"category\":\"" + category + "\",\"status\":\"OPEN\",\"openedAt\":\"" + openedOn
                + "\",\"leadWorker\":\"" + leadWorker + "\",\"team\":\"" + team + "\",\"contact\":\"" + contact
                + "\",\"rag\":\"AMBER\"}");
    }

    /** A PUT over the staff's REST API that must succeed. */
    void ok(String path, String json) {
        assertThat(node.put(path, officer, json).getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }

    AuditEntry lastAuditEntry() {
        List<AuditEntry> entries = node.bean(AuditLog.class).entries();
        return entries.get(entries.size() - 1);
    }

    /** The call fails with this status and reason, releases nothing, and is audited as a refusal. */
    StatusRuntimeException assertRefused(Runnable call, Status.Code code, String reason) {
        long before = node.bean(AuditLog.class).count();
        StatusRuntimeException[] thrown = new StatusRuntimeException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            thrown[0] = e;
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(errorInfo(e).getReason()).isEqualTo(reason);
            assertThat(errorInfo(e).getDomain()).isEqualTo("goldenthread.org");
        });
        assertThat(node.bean(AuditLog.class).count()).isEqualTo(before + 1);
        AuditEntry entry = lastAuditEntry();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.refusalReason()).isEqualTo(reason);
        assertThat(entry.recordIds()).isEmpty();
        assertThat(entry.personIds()).isEmpty();
        return thrown[0];
    }

    static ErrorInfo errorInfo(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream().filter(d -> d.is(ErrorInfo.class)).map(d -> {
            try {
                return d.unpack(ErrorInfo.class);
            } catch (com.google.protobuf.InvalidProtocolBufferException notErrorInfo) {
                throw new AssertionError(notErrorInfo);
            }
        }).findFirst().orElseThrow();
    }
}
