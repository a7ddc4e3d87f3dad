package org.goldenthread.launcher.bench;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.gateway.consent.Decision;
import org.goldenthread.gateway.consent.DecisionRequest;
import org.goldenthread.launcher.pki.FederationPki;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;

/**
 * The gateway-overhead baseline: the same record fetched straight from one node over its own
 * mutual-TLS gRPC endpoint, with grants consent-service really issued (its decision API, asked
 * before the timing starts) and the same linkage tokens the gateway computes. A node honours a
 * grant once per RPC, so one grant is prepared for every fetch the scenario can make; should the
 * pool run dry, a fetch first asks for a fresh decision (and {@link #extraDecisions()} says how often).
 * What the gateway adds on top is token validation, the decision, the merge and the JSON.
 */
final class DirectNode implements AutoCloseable {

    private static final Metadata.Key<String> GRANT = Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final Duration deadline;
    private final ConcurrentLinkedQueue<Asked> pool = new ConcurrentLinkedQueue<>();
    private final List<Person> subjects = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger extra = new AtomicInteger();
    private Decider decider;

    /** One subject's request and a grant not yet used. */
    private record Asked(GetSubjectRecordRequest request, String grant) {
    }

    /** Asks consent-service for one subject's grant to the agency. */
    @FunctionalInterface
    private interface Decider {
        Asked decide(Person p);
    }

    DirectNode(String target, FederationPki pki, Duration deadline) {
        FederationPki.Issued client = pki.gateway();
        try {
            this.channel = NettyChannelBuilder.forTarget(target).sslContext(GrpcSslContexts.forClient()
                    .keyManager(client.certificate().toFile(), client.privateKey().toFile())
                    .trustManager(pki.caCertificate().toFile()).build()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the federation's TLS material", e);
        }
        this.deadline = deadline;
    }

    /**
     * Asks consent-service for {@code grants} grants to this agency, round the subjects, as the
     * gateway does once per request.
     */
    void prepare(BenchHttp http, String consentUrl, String userToken, LinkageTokens linkage, String agency,
            List<Person> people, int grants) {
        pool.clear();
        subjects.clear();
        subjects.addAll(people);
        decider = p -> {
            List<LinkageToken> tokens = linkage.tokensFor(new PersonIdentifiers(p.nhsNumber(), null, p.familyName(),
                    p.givenName(), p.dateOfBirth(), p.postcode()));
            DecisionRequest body = new DecisionRequest(tokens.stream().map(t -> new DecisionRequest.SubjectToken(
                    t.getKind().name().substring("LINKAGE_TOKEN_KIND_".length()), t.getKeyId(), t.getValue())).toList(),
                    List.of(), "CASE_MANAGEMENT", List.of(agency), List.of(), null);
            HttpResponse<String> answer = http.post(consentUrl + "/decisions", userToken, BenchHttp.JSON.writeValueAsString(body));
            BenchHttp.expect(answer, 200, "get a decision from consent-service");
            Decision decision = BenchHttp.JSON.readValue(answer.body(), Decision.class);
            Decision.AgencyDecision outcome = decision.agencies().get(0);
            if (!outcome.granted()) {
                throw new IllegalStateException("consent-service did not permit the benchmark subject: " + outcome.reason());
            }
            return new Asked(GetSubjectRecordRequest.newBuilder().addAllTokens(tokens)
                    .addAllCategories(outcome.categories().stream().map(Vocabulary::category).toList()).build(),
                    outcome.grant());
        };
        for (int i = 0; i < grants; i++) {
            pool.add(decider.decide(people.get(i % people.size())));
        }
    }

    /** One GetSubjectRecord under a grant never used before, blocking; true when the node found the subject. */
    boolean fetch() {
        Asked one = pool.poll();
        if (one == null) {
            extra.incrementAndGet();
            one = decider.decide(subjects.get(Math.floorMod(next.getAndIncrement(), subjects.size())));
        }
        Metadata headers = new Metadata();
        headers.put(GRANT, one.grant());
        headers.put(REQUEST_ID, UUID.randomUUID().toString());
        return CaseNodeGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .getSubjectRecord(one.request()).getMatchesCount() > 0;
    }

    /** Fetches that had to ask for a decision first because the prepared grants ran out (0 in a fair run). */
    int extraDecisions() {
        return extra.get();
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
