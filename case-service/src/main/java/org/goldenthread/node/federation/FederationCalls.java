package org.goldenthread.node.federation;

import com.nimbusds.jwt.SignedJWT;
import io.grpc.Context;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantClaims;
import org.goldenthread.federation.grant.GrantRejectedException;
import org.goldenthread.federation.grant.GrantVerifier;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.node.audit.AuditEvent;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every federation call goes through, in order: argument checks, grant verification against
 * the request's own tokens, the handler's work, then an audit entry, and only then the answer. A
 * refusal at any step is audited too. The audit append precedes the release, so nothing leaves
 * the node unrecorded.
 */
@Component
class FederationCalls {

    private static final Logger log = LoggerFactory.getLogger(FederationCalls.class);
    private static final int MAX_TOKENS = 32;

    private final GrantVerifier verifier;
    private final AuditLog audit;
    private final MeterRegistry meters;

    FederationCalls(GrantVerifier verifier, AuditLog audit, MeterRegistry meters) {
        this.verifier = verifier;
        this.audit = audit;
        this.meters = meters;
    }

    /** The handler's part of a call, run once the grant is accepted. */
    @FunctionalInterface
    interface Work<T> {
        Release<T> perform(AccessGrant grant) throws FederationRefusal;
    }

    /** A call about one subject: the grant must be bound to the request's own tokens. */
    <T> void serve(String operation, List<LinkageToken> tokens, List<DataCategory> asked, StreamObserver<T> out,
            Work<T> work) {
        String[] digest = {""};
        run(operation, asked, out, digest, () -> {
            checkTokens(tokens);
            checkCategories(asked);
            digest[0] = SubjectDigest.of(tokens);
            return checked(() -> verifier.verify(CallMetadata.grant(), tokens));
        }, work);
    }

    /**
     * A call about no one in particular (Aggregate): the grant must be an aggregate one (naming no
     * subject; a grant about a person is refused) and for {@code purpose}.
     */
    <T> void serveWithoutSubject(String operation, Purpose purpose, StreamObserver<T> out, Work<T> work) {
        run(operation, List.of(), out, new String[] {""}, () -> {
            AccessGrant grant = checked(() -> verifier.verifyAggregate(CallMetadata.grant()));
            if (grant.purpose() != purpose) {
                throw FederationRefusal.permissionDenied("WRONG_PURPOSE",
                        operation + " answers only for purpose " + Vocabulary.name(purpose), grant);
            }
            return grant;
        }, work);
    }

    /** Finds the tokens of the subject a call is about from a verified grant, or refuses. */
    @FunctionalInterface
    interface SubjectLookup {
        List<LinkageToken> tokensFor(AccessGrant grant) throws FederationRefusal;
    }

    /**
     * A call about a subject the node already holds (UpdateReferral names a referral, not a
     * person): the grant is authenticated first, the subject found through it, and the grant then
     * checked against that subject's tokens, exactly as {@link #serve} checks a request's own.
     */
    <T> void serveStored(String operation, SubjectLookup lookup, StreamObserver<T> out, Work<T> work) {
        String[] digest = {""};
        run(operation, List.of(), out, digest, () -> {
            AccessGrant grant = checked(() -> verifier.authenticate(CallMetadata.grant()));
            List<LinkageToken> tokens = lookup.tokensFor(grant);
            digest[0] = SubjectDigest.of(tokens);
            return checked(() -> GrantVerifier.requireSubject(grant, tokens));
        }, work);
    }

    @FunctionalInterface
    private interface Admission {
        AccessGrant admit() throws FederationRefusal;
    }

    private <T> void run(String operation, List<DataCategory> asked, StreamObserver<T> out, String[] digest,
            Admission admission, Work<T> work) {
        String requestId = CallMetadata.requestId();
        try {
            AccessGrant grant = admission.admit();
            Release<T> release = work.perform(grant);
            if (Context.current().isCancelled()) {
                // Past the caller's deadline (or cancelled): nothing is sent, so nothing is released.
                throw new FederationRefusal(Status.Code.DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED",
                        "the call's deadline passed before the node answered", grant);
            }
            audit.append(event(operation, AuditOutcome.RELEASED, grant, release.categories(), release.recordIds(),
                    "", requestId, digest[0]));
            count(operation, AuditOutcome.RELEASED, "");
            out.onNext(release.response());
            out.onCompleted();
        } catch (FederationRefusal refusal) {
            audit.append(event(operation, AuditOutcome.REFUSED, refusal.grant(), asked, List.of(),
                    refusal.reason(), requestId, digest[0]));
            count(operation, AuditOutcome.REFUSED, refusal.reason());
            out.onError(refusal.toStatus());
        } catch (RuntimeException e) {
            log.error("{} failed with {}", operation, e.getClass().getName());
            recordFailure(operation, asked, requestId, digest[0]);
            count(operation, AuditOutcome.REFUSED, "INTERNAL_ERROR");
            out.onError(Status.INTERNAL.withDescription("the node could not answer").asRuntimeException());
        }
    }

    /** Calls by operation, outcome and refusal reason: codes only, never anything about the subject. */
    private void count(String operation, AuditOutcome outcome, String reason) {
        meters.counter("goldenthread.node.federation.calls", "operation", operation, "outcome", outcome.name(),
                "reason", reason.isEmpty() ? "none" : reason).increment();
    }

    @FunctionalInterface
    private interface GrantCheck {
        AccessGrant check() throws GrantRejectedException;
    }

    /** The check's grant, or its rejection as a refusal (naming the grant's holder once its signature held). */
    private static AccessGrant checked(GrantCheck check) throws FederationRefusal {
        try {
            return check.check();
        } catch (GrantRejectedException e) {
            Status.Code code = e.reason().unauthenticated() ? Status.Code.UNAUTHENTICATED : Status.Code.PERMISSION_DENIED;
            // Past the signature check the claims are genuine, so the refusal can say whose grant it was.
            AccessGrant genuine = e.reason().unauthenticated() ? null : claimsOf(CallMetadata.grant());
            throw new FederationRefusal(code, e.reason().name(), e.getMessage(), genuine);
        }
    }

    private static AccessGrant claimsOf(String jws) {
        try {
            return GrantClaims.fromClaims(SignedJWT.parse(jws).getJWTClaimsSet());
        } catch (java.text.ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void checkTokens(List<LinkageToken> tokens) throws FederationRefusal {
        if (tokens.isEmpty()) {
            throw FederationRefusal.invalidArgument("NO_TOKENS", "at least one linkage token is required");
        }
        if (tokens.size() > MAX_TOKENS) {
            throw FederationRefusal.invalidArgument("TOO_MANY_TOKENS", "at most " + MAX_TOKENS + " linkage tokens");
        }
        for (LinkageToken token : tokens) {
            if (token.getKind() == LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED
                    || token.getKind() == LinkageTokenKind.UNRECOGNIZED
                    || token.getKeyId().isBlank() || token.getKeyId().length() > 64
                    || token.getValue().isBlank() || token.getValue().length() > 128) {
                throw FederationRefusal.invalidArgument("BAD_TOKEN", "a linkage token needs a known kind, a key id and a value");
            }
        }
    }

    private static void checkCategories(List<DataCategory> asked) throws FederationRefusal {
        for (DataCategory category : asked) {
            if (category == DataCategory.DATA_CATEGORY_UNSPECIFIED || category == DataCategory.UNRECOGNIZED) {
                throw FederationRefusal.invalidArgument("BAD_CATEGORY", "categories must be known data categories");
            }
        }
    }

    private void recordFailure(String operation, List<DataCategory> asked, String requestId, String digest) {
        try {
            audit.append(event(operation, AuditOutcome.REFUSED, null, asked, List.of(), "INTERNAL_ERROR", requestId, digest));
        } catch (RuntimeException auditFailure) {
            log.error("{} could not be audited: {}", operation, auditFailure.getClass().getName());
        }
    }

    private AuditEvent event(String operation, AuditOutcome outcome, AccessGrant grant, List<DataCategory> categories,
            List<String> recordIds, String reason, String requestId, String digest) {
        List<String> names = categories.stream()
                .filter(c -> c != DataCategory.UNRECOGNIZED && c != DataCategory.DATA_CATEGORY_UNSPECIFIED)
                .map(Vocabulary::name).distinct().sorted().toList();
        if (grant == null) {
            return new AuditEvent(operation, outcome, "", "", "", "", "", names, recordIds, reason, requestId, digest);
        }
        var basis = grant.bases().get(verifier.agencyId());
        return new AuditEvent(operation, outcome, grant.id(), grant.requester(), grant.requesterAgency(),
                Vocabulary.name(grant.purpose()), basis == null ? "" : Vocabulary.name(basis), names, recordIds,
                reason, requestId, digest);
    }
}
