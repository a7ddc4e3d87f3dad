package org.goldenthread.launcher.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.launcher.AgencySpec;
import org.goldenthread.node.casework.ActionStatus;
import org.goldenthread.node.casework.ActionStore;
import org.goldenthread.node.casework.CaseDetails;
import org.goldenthread.node.casework.CaseState;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.EventKind;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.node.subject.SubjectDetails;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The synthetic population, written through each node's own stores (the beans its REST API
 * saves with, so ids, reverse indexes, timeline sequence and RAG history are the node's own):
 * every benchmark subject on every node with 3 cases (each re-rated once), 40 timeline events
 * and 4 plan actions; plus background subjects, different people on each node, with 1 case and
 * 5 events, so that look-ups search a store that holds more than the people asked about.
 */
final class Population {

    static final int CASES = 3;
    static final int EVENTS = 40;
    static final int ACTIONS = 4;
    private static final String SEEDER = "Benchmark Seeder";
    private static final Instant START = Instant.parse("2025-06-02T09:00:00Z");
    private static final EventKind[] KINDS = EventKind.values();
    private static final String[] SUMMARIES = {
        "Home visit; family engaged and agreed next steps with the lead worker.",
        "Telephone contact with parent about school attendance and morning routines.",
        "Assessment updated after review meeting; risks discussed with partners.",
        "Incident reported by neighbour; officers attended and gave advice.",
        "Referral received from school nurse; appointment offered within two weeks.",
        "Rent arrears plan agreed; first payment made on time.",
        "Team around the family meeting held; actions agreed with partners.",
        "Missed appointment; follow-up letter sent and a new date offered."};

    private Population() {
    }

    /** The benchmark subjects: asked about by the load, known to every node. */
    static List<Person> subjects(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(Person.number(i));
        }
        return people;
    }

    /** Seeds every node, two nodes at a time (one per core). */
    static void seed(List<AgencySpec> agencies, List<ConfigurableApplicationContext> nodes, int subjects, int background) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < agencies.size(); n++) {
                int node = n;
                done.add(pool.submit(() -> seedNode(node, agencies.get(node), nodes.get(node), subjects, background)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void seedNode(int node, AgencySpec agency, ConfigurableApplicationContext context, int subjects,
            int background) {
        SubjectStore people = context.getBean(SubjectStore.class);
        CaseStore cases = context.getBean(CaseStore.class);
        EventStore events = context.getBean(EventStore.class);
        ActionStore actions = context.getBean(ActionStore.class);
        List<DataCategory> held = agency.categories().stream().filter(c -> !c.equals("INVOLVEMENT"))
                .map(Vocabulary::category).toList();
        for (int s = 0; s < subjects; s++) {
            String subjectId = people.save("S-" + s, details(Person.number(s)), SEEDER).id();
            for (int c = 0; c < CASES; c++) {
                DataCategory category = held.get((s + c) % held.size());
                String ref = "C-" + s + "-" + c;
                CaseDetails first = caseDetails(subjectId, agency, category, s + c, Rag.AMBER, null);
                cases.save(ref, first, SEEDER);
                String caseId = cases.save(ref, caseDetails(subjectId, agency, category, s + c, Rag.RED,
                        "Escalated after the review meeting."), SEEDER).id();
                int share = EVENTS / CASES + (c < EVENTS % CASES ? 1 : 0);
                for (int e = 0; e < share; e++) {
                    events.save(caseId, "E-" + s + "-" + c + "-" + e, KINDS[e % KINDS.length],
                            e % 7 == 0 ? DataCategory.DATA_CATEGORY_INVOLVEMENT : category,
                            START.plus(Duration.ofHours(37L * (e * CASES + c) + s)), SUMMARIES[(e + c) % SUMMARIES.length], SEEDER);
                }
                for (int a = 0; c < 2 && a < ACTIONS / 2; a++) {
                    actions.save(caseId, "A-" + s + "-" + c + "-" + a, "Review " + category.name().toLowerCase().replace(
                            "data_category_", "") + " support with the family", agency.id(),
                            LocalDate.of(2027, 1 + a, 10 + c), ActionStatus.OPEN, SEEDER);
                }
            }
        }
        for (int b = 0; b < background; b++) {
            // Different people on each node: numbers above every benchmark subject's.
            Person someone = Person.number(subjects + node * background + b);
            String subjectId = people.save("B-" + b, details(someone), SEEDER).id();
            DataCategory category = held.get(b % held.size());
            String caseId = cases.save("BC-" + b, caseDetails(subjectId, agency, category, b, Rag.GREEN, null), SEEDER).id();
            for (int e = 0; e < 5; e++) {
                events.save(caseId, "BE-" + b + "-" + e, KINDS[e % KINDS.length], category,
                        START.plus(Duration.ofDays(e * 11L + b % 30)), SUMMARIES[(b + e) % SUMMARIES.length], SEEDER);
            }
        }
    }

    private static SubjectDetails details(Person p) {
        return new SubjectDetails(p.familyName(), p.givenName(), p.dateOfBirth(), p.nhsNumber(), null, p.postcode(),
                List.of(), null, List.of(), List.of());
    }

    private static CaseDetails caseDetails(String subjectId, AgencySpec agency, DataCategory category, int n, Rag rag,
            String reason) {
        return new CaseDetails(subjectId, "support-" + (n % 4), category, CaseState.OPEN, START.plus(Duration.ofDays(n % 90)),
                null, "Worker " + (n % 12), agency.name() + " team", "01632 96" + String.format("%04d", n % 10_000),
                rag, List.of("HOUSING", "EDUCATION"), reason);
    }
}
