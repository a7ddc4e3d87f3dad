package org.goldenthread.consent.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.goldenthread.consent.ConsentServiceApplication;
import org.goldenthread.consent.consent.ConsentService;
import org.goldenthread.consent.review.ConsentReviews;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.NewConsent;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.decision.DecisionRequest;
import org.goldenthread.consent.decision.DecisionService;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.consent.isa.AgreementTerms;
import org.goldenthread.consent.isa.IsaService;
import org.goldenthread.consent.isa.SignOff;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Decision latency on the embedded store: boots consent-service with its production wiring on a
 * fresh data directory, records {@code consents} consents (about 10% of subjects have two, one in
 * seven already ended) and an agreement per agency through the services, then times {@code decisions} calls of
 * {@link DecisionService#decide} (five agencies asked; the person's records found and followed, rules,
 * one grant signed per permitted agency and the decision log write included; HTTP excluded) after a
 * warm-up. Prints p50, p99, p99.9 and max, and how many grants a decision signed on average.
 */
final class DecisionLatency {

    static final org.goldenthread.consent.decision.Requester BENCH_RECORDER =
            new org.goldenthread.consent.decision.Requester("bench.kw", "council", List.of("KEY_WORKER"));
    static final List<String> AGENCIES = List.of("council", "police", "housing", "mentalhealth", "employment");

    /**
     * @param cpuMillis CPU time of the whole process (service and embedded store threads, GC included) per
     *        timed decision: unlike the latencies, barely moved by other work on the machine
     * @param allocatedKb heap allocated per timed decision, service and embedded store together
     * @param gcPauses collections during the timed decisions, and their total time
     * @param grantsPerDecision grants signed per timed decision (one per permitted agency)
     */
    record Figures(int consents, int decisions, double seedSeconds, double p50, double p90, double p99, double p999,
            double max, double cpuMillis, double allocatedKb, long gcPauses, long gcMillis, double grantsPerDecision) {

        String report() {
            return String.format("decision latency, %d consents on the embedded store, %d decisions timed:%n"
                    + "  p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms (seeding took %.1f s)%n"
                    + "  CPU %.3f ms and %.0f KB allocated per decision (all threads); %d collections, %d ms, while timing%n"
                    + "  %.2f grants signed per decision (one per permitted agency)%n",
                    consents, decisions, p50, p90, p99, p999, max, seedSeconds, cpuMillis, allocatedKb, gcPauses, gcMillis,
                    grantsPerDecision);
        }
    }

    private DecisionLatency() {
    }

    static Figures run(Path data, int consents, int decisions, PrintStream progress) {
        return run(data, consents, decisions, true, progress);
    }

    /** @param seed false to time decisions on a store an earlier run seeded with the same {@code consents} */
    static Figures run(Path data, int consents, int decisions, boolean seed, PrintStream progress) {
        // A fixed benchmark key, so a reused store's tokens still match (a random key per run made every
        // look-up on a reused store miss).
        byte[] secret = "golden-thread-decision-benchmark".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ConfigurableApplicationContext context = ConsentServiceApplication.application().run(
                "--server.port=0", "--goldenthread.store.data-dir=" + data,
                "--goldenthread.identity.url=http://127.0.0.1:9",
                "--goldenthread.linkage.key-id=k1", "--goldenthread.linkage.key=" + Base64.getEncoder().encodeToString(secret),
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--logging.level.de.bwaldvogel=ERROR", "--logging.level.org.goldenthread.consent.audit=ERROR")) {
            ConsentService recorder = context.getBean(ConsentService.class);
            DecisionService decider = context.getBean(DecisionService.class);
            int subjects = Math.max(1, consents * 9 / 10);
            long seedStart = System.nanoTime();
            if (seed) {
                seed(recorder, context.getBean(ConsentReviews.class), context.getBean(IsaService.class), consents, subjects, progress);
            }
            long stored = context.getBean(com.mongodb.client.MongoDatabase.class).getCollection("consents").countDocuments();
            if (stored < consents) {
                throw new IllegalStateException("the store holds " + stored + " consents, not " + consents
                        + ": seed it (run without -Dbench.data) before timing");
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            Requester requester = new Requester("bench.kw", "council", List.of("KEY_WORKER"));
            Random random = new Random(42);
            int warmUp = Math.max(200, decisions / 10);
            double[] millis = new double[decisions];
            long cpuStart = 0;
            long allocatedStart = 0;
            long[] gcStart = null;
            long grants = 0;
            for (int i = -warmUp; i < decisions; i++) {
                if (i == 0) {
                    cpuStart = Machine.cpuNanos();
                    allocatedStart = Machine.allocatedBytes();
                    gcStart = Machine.collections();
                }
                // One in ten asks about someone with no record at all.
                int subject = random.nextInt(10) == 0 ? subjects + random.nextInt(subjects) : random.nextInt(subjects);
                Purpose purpose = random.nextBoolean() ? Purpose.PURPOSE_CASE_MANAGEMENT : Purpose.PURPOSE_COORDINATION;
                DecisionRequest request = new DecisionRequest(tokens(subject), purpose, AGENCIES, Set.of());
                long start = System.nanoTime();
                var decision = decider.decide(requester, request);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    grants += decision.grants().size();
                }
            }
            double cpuMillis = (Machine.cpuNanos() - cpuStart) / 1e6 / decisions;
            double allocatedKb = (Machine.allocatedBytes() - allocatedStart) / 1024.0 / decisions;
            long[] gcEnd = Machine.collections();
            Arrays.sort(millis);
            Figures figures = new Figures(consents, decisions, seedSeconds, percentile(millis, 50),
                    percentile(millis, 90), percentile(millis, 99), percentile(millis, 99.9), millis[millis.length - 1],
                    cpuMillis, allocatedKb, gcEnd[0] - gcStart[0], gcEnd[1] - gcStart[1], (double) grants / decisions);
            progress.print(figures.report());
            return figures;
        }
    }

    private static void seed(ConsentService recorder, ConsentReviews reviews, IsaService agreements, int consents, int subjects,
            PrintStream progress) {
        Instant start = Instant.now().minus(Duration.ofDays(30));
        // Sources and categories named, none special: released without acknowledgement, as before review existed,
        // so the figures stay comparable (an acknowledgement read is one primary-key look-up per decision).
        Provision permit = new Provision(ProvisionType.PERMIT, Set.copyOf(AGENCIES), Set.copyOf(AGENCIES),
                Set.of(Purpose.PURPOSE_EARLY_HELP_ASSESSMENT, Purpose.PURPOSE_CASE_MANAGEMENT),
                org.goldenthread.consent.common.Categories.ORDINARY);
        Provision deny = new Provision(ProvisionType.DENY, Set.of("mentalhealth"), Set.of("police"), Set.of(),
                Set.of(DataCategory.DATA_CATEGORY_HEALTH_MENTAL));
        // Four writers: the store's round trips overlap, so seeding takes a fraction of the time.
        int writers = 4;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int w = writer;
            Thread thread = new Thread(() -> {
            for (int i = w; i < consents; i += writers) {
                // One in seven has already ended: not in force, like a withdrawn one, and found by the same lookup.
                String id = recorder.record(new NewConsent(tokens(i % subjects), start,
                        i % 7 == 0 ? start.plus(Duration.ofDays(20)) : null,
                        new Evidence(EvidenceKind.SIGNED_FORM, "BENCH-" + i, null, "v3"),
                        i % 3 == 0 ? List.of(permit) : List.of(permit, deny), "bench.kw", "council",
                        java.time.LocalDate.ofInstant(start, java.time.ZoneOffset.UTC), "benchmark records, backdated"),
                        BENCH_RECORDER).id();
                // Every record reviewed by every source, as in a federation at work (the benchmark reads no registry,
                // so every category counts as sensitive: unacknowledged, nothing would be released).
                for (String source : AGENCIES) {
                    reviews.acknowledge(id + ".r1", new Requester("bench.dpo", source, List.of("DPO")), null);
                }
                int n = done.incrementAndGet();
                if (n % 10_000 == 0) {
                    progress.printf("  seeded %d consents%n", n);
                }
            }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("seeding interrupted", e);
            }
        }
        if (done.get() != consents) {
            throw new IllegalStateException("seeded " + done.get() + " of " + consents + " consents");
        }
        for (String source : AGENCIES) {
            Set<String> partners = Set.copyOf(AGENCIES.stream().filter(a -> !a.equals(source)).toList());
            agreements.create(new AgreementTerms("Coordination ISA", partners, Set.of(Purpose.PURPOSE_COORDINATION),
                    Set.of(DataCategory.DATA_CATEGORY_INVOLVEMENT), start, null, new SignOff("SIRO", "SIRO", start)),
                    new Requester("bench.admin", source, List.of("AGENCY_ADMIN")));
        }
    }

    /** A subject's NHS and name-and-birth-date tokens (values stand in for HMACs; never real people). */
    static List<LinkageToken> tokens(int subject) {
        return List.of(
                LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).setKeyId("k1")
                        .setValue("nhs-" + subject).build(),
                LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB).setKeyId("k1")
                        .setValue("ndob-" + subject).build());
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
