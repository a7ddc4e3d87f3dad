package org.goldenthread.node.bench;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;

/**
 * Generates a synthetic agency of {@code subjects} persons (one case and {@code events} events
 * each, seeded by the person's number) in the embedded store under {@code data} through the
 * stores' bulk imports, or reuses it when its generation record and counts match (and refuses it
 * otherwise), then times MatchSubject and GetSubjectRecord over gRPC on loopback, each with a fresh
 * grant, as the gateway calls them (grant verification and the audit append included). Prints
 * generation wall and CPU time, bytes on disk and p50/p99 per RPC. Command: see the README.
 */
public final class NodeBenchmark {

    private NodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("subjects", "10000", "events", "10",
                "samples", "2000", "threads", "2", "batch", "2000", "data", "target/bench", "store", "production",
                "compact", "none", "compactEvery", "0"));
        Arrays.stream(args).map(a -> a.split("=", 2)).forEach(kv -> options.put(kv[0], kv[1]));
        Settings settings = new Settings(Long.parseLong(options.get("subjects")), Integer.parseInt(options.get("events")),
                Integer.parseInt(options.get("samples")), Integer.parseInt(options.get("threads")),
                Integer.parseInt(options.get("batch")), Path.of(options.get("data")), options.get("store"),
                options.get("compact"), Long.parseLong(options.get("compactEvery")));
        run(settings, System.out);
        System.exit(0);
    }

    /**
     * @param store production (the node's own store wiring), cachedkeys or proposed (see {@link BenchmarkStore})
     * @param compact none, plain or compress: after generating, rewrite the closed store's file with
     *     its live pages only (what a compaction at close would leave)
     * @param compactEvery 0, or compact (compressed unless compact=plain) after each this many persons,
     *     which caps the file during a long generation (the store writes ~2x its live data before
     *     its own compaction catches up)
     */
    record Settings(long subjects, int events, int samples, int threads, int batch, Path data, String store,
            String compact, long compactEvery) {
    }

    static void run(Settings settings, PrintStream out) throws Exception {
        long subjects = settings.subjects();
        BenchmarkStore store = new BenchmarkStore(settings.data(), settings.store());
        try {
            TestNode node = store.open();
            var meta = node.database().getCollection("bench_meta");
            Document generated = meta.find(new Document("_id", "generated")).first();
            if (generated == null) {
                if (node.database().getCollection("subjects").estimatedDocumentCount() > 0) {
                    throw new IllegalStateException("the store in " + settings.data() + " holds an unfinished or foreign"
                            + " generation: delete it or give another data directory");
                }
                long started = System.nanoTime();
                long cpuBefore = processCpuNanos();
                for (long done = 0; done < subjects; ) {
                    long to = settings.compactEvery() > 0 ? Math.min(subjects, done + settings.compactEvery()) : subjects;
                    generate(node, settings, done, to, started, out);
                    done = to;
                    if (done < subjects) {
                        store.close();
                        long before = store.bytesOnDisk();
                        store.compactOffline(!settings.compact().equals("plain"));
                        out.printf("  %d subjects: compacted %d -> %d bytes on disk after %d s%n", done, before,
                                store.bytesOnDisk(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
                        node = store.open();
                    }
                }
                meta = node.database().getCollection("bench_meta");
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                out.printf("generation used %d s of CPU (this process, all threads; wall time depends on the machine's load)%n",
                        Duration.ofNanos(processCpuNanos() - cpuBefore).toSeconds());
                meta.insertOne(new Document("_id", "generated").append("subjects", subjects)
                        .append("events", settings.events()).append("generator", GENERATOR).append("seconds", seconds));
                store.close();
                out.printf("generated %d subjects, %d events in %d s, %d bytes on disk (store=%s)%n", subjects,
                        subjects * settings.events(), seconds, store.bytesOnDisk(), settings.store());
                if (!settings.compact().equals("none")) {
                    long t0 = System.nanoTime();
                    store.compactOffline(settings.compact().equals("compress"));
                    out.printf("compacted (%s) in %d s: %d bytes on disk%n", settings.compact(),
                            Duration.ofNanos(System.nanoTime() - t0).toSeconds(), store.bytesOnDisk());
                }
                node = store.open();
            } else {
                requireGenerated(node, generated, settings);
                out.printf("reusing %d subjects, %d events in %s, %d bytes on disk%n", subjects,
                        subjects * settings.events(), settings.data(), store.bytesOnDisk());
            }
            time(node, settings, out);
        } finally {
            store.close();
        }
    }

    private static final String GENERATOR = "bulk-v1";

    /** CPU time of this process (the embedded store runs in it too): a figure other workers' load does not inflate. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Refuses to time a store that does not hold exactly the persons, cases and events it claims. */
    private static void requireGenerated(TestNode node, Document generated, Settings settings) {
        long subjects = settings.subjects();
        long expectedEvents = subjects * settings.events();
        var db = node.database();
        if (generated.getLong("subjects") != subjects || generated.getInteger("events") != settings.events()
                || !GENERATOR.equals(generated.getString("generator"))) {
            throw new IllegalStateException("the store in " + settings.data() + " was generated with " + generated.toJson()
                    + ", not subjects=" + subjects + " events=" + settings.events() + ": give another data directory");
        }
        long persons = db.getCollection("subjects").estimatedDocumentCount();
        long cases = db.getCollection("cases").estimatedDocumentCount();
        long events = db.getCollection("events").estimatedDocumentCount();
        if (persons != subjects || cases != subjects || events != expectedEvents) {
            throw new IllegalStateException("the store in " + settings.data() + " holds " + persons + " persons, " + cases
                    + " cases, " + events + " events, not what its generation record claims");
        }
    }

    private static void time(TestNode node, Settings settings, PrintStream out) {
        long subjects = settings.subjects();
        int samples = settings.samples();
        CaseNodeGrpc.CaseNodeBlockingStub stub = CaseNodeGrpc.newBlockingStub(node.channel);
        SplittableRandom random = new SplittableRandom(42);
        int warmUp = Math.min(200, samples);
        long[] match = new long[samples];
        long[] record = new long[samples];
        int refused = 0;
        for (int s = -warmUp; s < samples; s++) {
            long i = random.nextLong(subjects);
            List<LinkageToken> tokens = node.linkage().tokensFor(SyntheticAgency.identifiers(i));
            String grant = node.issuers.grant(new AccessGrant(UUID.randomUUID().toString(), "bench", "council",
                    Purpose.PURPOSE_CASE_MANAGEMENT, SubjectDigest.of(tokens),
                    Map.of(TestNode.AGENCY, Set.of(DataCategory.DATA_CATEGORY_INVOLVEMENT, DataCategory.DATA_CATEGORY_CRIME,
                            DataCategory.DATA_CATEGORY_HEALTH_MENTAL, DataCategory.DATA_CATEGORY_ASB)),
                    Map.of(TestNode.AGENCY, LawfulBasis.LAWFUL_BASIS_CONSENT), Instant.now(), Instant.now().plusSeconds(120)));
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER), grant);
            var call = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            MatchSubjectResponse matched;
            try {
                matched = call.matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tokens).build());
            } catch (StatusRuntimeException e) {
                // One person or nothing: another synthetic person with the same name and birth date but
                // another NHS number makes the node refuse (IDENTIFIERS_DISAGREE). Rare; asked again.
                if (e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION || ++refused > samples) {
                    throw e;
                }
                s--;
                continue;
            }
            long t1 = System.nanoTime();
            var released = call.getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tokens).build());
            long t2 = System.nanoTime();
            // Others may share a weaker token (same name initial, birth date and area); the person
            // asked for is the one EXACT match (NHS number).
            if (matched.getMatchesCount() != 1 || released.getMatchesCount() != 1
                    || matched.getMatches(0).getStrength() != MatchStrength.MATCH_STRENGTH_EXACT) {
                throw new IllegalStateException("person " + i + " was not found: the benchmark data is wrong");
            }
            if (s >= 0) {
                match[s] = t1 - t0;
                record[s] = t2 - t1;
            }
        }
        if (refused > 0) {
            out.printf("%d persons asked for were refused (FAILED_PRECONDITION: another person shares their name and"
                    + " date of birth) and replaced by others%n", refused);
        }
        print(out, "MatchSubject", subjects, match);
        print(out, "GetSubjectRecord", subjects, record);
    }

    /** Batches of persons, claimed in order by {@code threads} writers. */
    private static void generate(TestNode node, Settings settings, long first, long end, long started, PrintStream out)
            throws Exception {
        SubjectStore subjectStore = node.bean(SubjectStore.class);
        CaseStore caseStore = node.bean(CaseStore.class);
        EventStore eventStore = node.bean(EventStore.class);
        long subjects = end;
        int batch = settings.batch();
        AtomicLong next = new AtomicLong(first);
        long report = Math.max(batch, settings.subjects() / 20 / batch * batch);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        List<java.util.concurrent.Future<Object>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            workers.add(pool.submit(() -> {
                for (long from = next.getAndAdd(batch); from < subjects; from = next.getAndAdd(batch)) {
                    SyntheticAgency.saveBatch(from, Math.min(subjects, from + batch), settings.events(), subjectStore,
                            caseStore, eventStore);
                    if (from > 0 && from % report == 0) {
                        out.printf("  %d subjects after %d s%n", from, Duration.ofNanos(System.nanoTime() - started).toSeconds());
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (var worker : workers) {
            worker.get();
        }
    }

    private static void print(PrintStream out, String rpc, long subjects, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.printf("%s subjects=%d samples=%d p50=%.2f ms p99=%.2f ms%n", rpc, subjects, sorted.length,
                sorted[(int) (sorted.length * 0.50)] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
    }
}
