package org.goldenthread.node.federation;

import com.nimbusds.jwt.SignedJWT;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.GrantClaims;
import org.goldenthread.federation.grant.GrantRejectedException;
import org.goldenthread.federation.grant.GrantReplays;
import org.goldenthread.federation.grant.GrantVerifier;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.TokenHashes;
import org.goldenthread.node.audit.AuditEvent;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every federation call goes through, in order: argument checks, grant verification against
 * the request's own tokens, the grant's single use for this operation ({@link GrantReplays}), the
 * handler's work, then an audit entry, and only then the answer. A refusal at any step is audited
 * too. The audit append precedes the release, so nothing leaves the node unrecorded.
 */
@Component
class FederationCalls {

    private static final Logger log = LoggerFactory.getLogger(FederationCalls.class);

    private final GrantVerifier verifier;
    private final GrantReplays replays;
    private final AuditLog audit;
    private final MeterRegistry meters;

    FederationCalls(GrantVerifier verifier, GrantReplays replays, AuditLog audit, MeterRegistry meters) {
        this.verifier = verifier;
        this.replays = replays;
        this.audit = audit;
        this.meters = meters;
    }

    /** The handler's part of a call, run once the grant is accepted. */
    @FunctionalInterface
    interface Work<T> {
        Release<T> perform(AccessGrant grant) throws FederationRefusal;
    }

    /**
     * Whether a call continues one already honoured under the same grant (a later page): a key
     * naming that continuation, used once like the grant itself; null for a first call. Throws when
     * the call claims a continuation not bound to this grant.
     */
    @FunctionalInterface
    interface Continuation {
        String of(AccessGrant grant) throws FederationRefusal;
    }

    static final Continuation FIRST_CALL = grant -> null;

    /** A call about one subject: the grant must be bound to the request's own tokens. */
    <T> void serve(String operation, List<LinkageToken> tokens, List<DataCategory> asked, StreamObserver<T> out,
            Work<T> work) {
        serve(operation, tokens, asked, FIRST_CALL, out, work);
    }

    /** As {@link #serve(String, List, List, StreamObserver, Work)}, for an operation whose later pages reuse the grant. */
    <T> void serve(String operation, List<LinkageToken> tokens, List<DataCategory> asked, Continuation continuation,
            StreamObserver<T> out, Work<T> work) {
        About about = new About();
        run(operation, asked, out, about, () -> {
            RequestChecks.tokens(tokens);
            RequestChecks.categories(asked);
            about.subject(tokens);
            AccessGrant grant = checked(() -> verifier.verify(CallMetadata.grant(), tokens));
            admit(grant, operation, continuation);
            return grant;
        }, work);
    }

    /**
     * A call about no one in particular (Aggregate): the grant must be an aggregate one (naming no
     * subject; a grant about a person is refused) and for {@code purpose}.
     */
    <T> void serveWithoutSubject(String operation, Purpose purpose, StreamObserver<T> out, Work<T> work) {
        run(operation, List.of(), out, new About(), () -> {
            AccessGrant grant = checked(() -> verifier.verifyAggregate(CallMetadata.grant()));
            if (grant.purpose() != purpose) {
                throw FederationRefusal.permissionDenied("WRONG_PURPOSE",
                        operation + " answers only for purpose " + Vocabulary.name(purpose), grant);
            }
            admit(grant, operation, FIRST_CALL);
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
        About about = new About();
        run(operation, List.of(), out, about, () -> {
            AccessGrant grant = checked(() -> verifier.authenticate(CallMetadata.grant()));
            List<LinkageToken> tokens = lookup.tokensFor(grant);
            about.subject(tokens);
            checked(() -> GrantVerifier.requireSubject(grant, tokens));
            admit(grant, operation, FIRST_CALL);
            return grant;
        }, work);
    }

    @FunctionalInterface
    private interface Admission {
        AccessGrant admit() throws FederationRefusal;
    }

    /** The request's subject as the audit entry refers to it, once its tokens passed their checks. */
    private static final class About {
        String digest = "";
        List<String> tokenHashes = List.of();

        void subject(List<LinkageToken> tokens) {
            digest = SubjectDigest.of(tokens);
            // Kind and key id readable, the value one-way: the log never holds a token (pseudonymous personal data).
            tokenHashes = TokenHashes.hashAll(tokens).stream().map(TokenHashes::text).toList();
        }
    }

    private <T> void run(String operation, List<DataCategory> asked, StreamObserver<T> out, About about,
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
                    "", requestId, about, release.persons()));
            count(operation, AuditOutcome.RELEASED, "");
            out.onNext(release.response());
            out.onCompleted();
        } catch (FederationRefusal refusal) {
            audit.append(event(operation, AuditOutcome.REFUSED, refusal.grant(), asked, List.of(),
                    refusal.reason(), requestId, about, Release.Persons.NOBODY));
            count(operation, AuditOutcome.REFUSED, refusal.reason());
            out.onError(refusal.toStatus());
        } catch (RuntimeException e) {
            log.error("{} failed with {}", operation, e.getClass().getName());
            recordFailure(operation, asked, requestId, about);
            count(operation, AuditOutcome.REFUSED, "INTERNAL_ERROR");
            out.onError(Status.INTERNAL.withDescription("the node could not answer").asRuntimeException());
        }
    }

    /**
     * Uses the grant once for this operation. The one reuse: a later page of a request the grant
     * was honoured for, each page once (its own key), so a grant and page token captured together
     * buy nothing either.
     */
    private void admit(AccessGrant grant, String operation, Continuation continuation) throws FederationRefusal {
        String page = continuation.of(grant);
        String use = operation;
        if (page != null) {
            if (!replays.honoured(grant.id(), operation)) {
                throw new FederationRefusal(Status.Code.INVALID_ARGUMENT, "BAD_PAGE_TOKEN",
                        "page_token continues no request this node honoured under this grant", grant);
            }
            use = operation + "/page/" + page;
        }
        try {
            replays.admit(grant, use);
        } catch (GrantRejectedException e) {
            boolean full = e.reason() == GrantRejectedException.Reason.REPLAY_CACHE_FULL;
            throw new FederationRefusal(full ? Status.Code.RESOURCE_EXHAUSTED : Status.Code.PERMISSION_DENIED,
                    e.reason().name(), full ? "the node is holding too many live grants; ask again shortly"
                            : "this access grant was already used for " + operation + (page == null ? "" : " (this page)"),
                    grant);
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

    private void recordFailure(String operation, List<DataCategory> asked, String requestId, About about) {
        try {
            audit.append(event(operation, AuditOutcome.REFUSED, null, asked, List.of(), "INTERNAL_ERROR", requestId,
                    about, Release.Persons.NOBODY));
        } catch (RuntimeException auditFailure) {
            log.error("{} could not be audited: {}", operation, auditFailure.getClass().getName());
        }
    }

    private AuditEvent event(String operation, AuditOutcome outcome, AccessGrant grant, List<DataCategory> categories,
            List<String> recordIds, String reason, String requestId, About about, Release.Persons persons) {
        List<String> names = categories.stream()
                .filter(c -> c != DataCategory.UNRECOGNIZED && c != DataCategory.DATA_CATEGORY_UNSPECIFIED)
                .map(Vocabulary::name).distinct().sorted().toList();
        if (grant == null) {
            return new AuditEvent(operation, outcome, "", "", "", "", "", names, recordIds, reason, requestId,
                    about.digest, about.tokenHashes, persons.ids(), persons.match(), persons.confirmation());
        }
        var basis = grant.bases().get(verifier.agencyId());
        return new AuditEvent(operation, outcome, grant.id(), grant.requester(), grant.requesterAgency(),
                Vocabulary.name(grant.purpose()), basis == null ? "" : Vocabulary.name(basis), names, recordIds,
                reason, requestId, about.digest, about.tokenHashes, persons.ids(), persons.match(),
                persons.confirmation());
    }
}
