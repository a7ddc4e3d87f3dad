package org.goldenthread.node.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.node.casework.CaseDetails;
import org.goldenthread.node.casework.CaseState;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.EventKind;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.casework.NewCase;
import org.goldenthread.node.casework.NewEvent;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.node.store.Saved;
import org.goldenthread.node.subject.NewSubject;
import org.goldenthread.node.subject.SubjectDetails;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * Deterministic synthetic persons for the benchmark: person {@code i} always has the same names,
 * date of birth, NHS number and postcode, so the benchmark can recompute the tokens a gateway would
 * send without keeping a million persons in memory. Written through the production stores, so every
 * index document is exactly what real saves produce.
 */
final class SyntheticAgency {

    private static final List<String> FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Hale", "Lewis", "Harris", "Martin", "Cooper");
    private static final List<String> GIVEN = List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah",
            "Mia", "Jack", "Ivy", "Leo", "Lily", "Arthur", "Freya", "Muhammad", "Grace", "Oscar", "Sophia", "Tom", "Karen");
    private static final DataCategory[] CATEGORIES = {DataCategory.DATA_CATEGORY_CRIME, DataCategory.DATA_CATEGORY_ASB,
        DataCategory.DATA_CATEGORY_HOUSING, DataCategory.DATA_CATEGORY_HEALTH_MENTAL,
        DataCategory.DATA_CATEGORY_DOMESTIC_ABUSE, DataCategory.DATA_CATEGORY_SAFEGUARDING,
        DataCategory.DATA_CATEGORY_SUBSTANCE_MISUSE, DataCategory.DATA_CATEGORY_INVOLVEMENT};

    private SyntheticAgency() {
    }

    static SubjectDetails person(long i) {
        SplittableRandom random = new SplittableRandom(i * 7919 + 17);
        // Common stems with a letter suffix: many distinct surnames, as in a county's population.
        String family = FAMILY.get(random.nextInt(FAMILY.size())) + letters(i / FAMILY.size());
        String given = GIVEN.get(random.nextInt(GIVEN.size()));
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80));
        return new SubjectDetails(family, given, born, nhsNumber(i), null,
                "LS" + (1 + random.nextInt(28)) + " " + random.nextInt(10) + "AB", List.of());
    }

    static PersonIdentifiers identifiers(long i) {
        SubjectDetails d = person(i);
        return new PersonIdentifiers(d.nhsNumber(), null, d.familyName(), d.givenName(), d.dateOfBirth(), d.postcode());
    }

    /**
     * Stores persons {@code from} (inclusive) to {@code to}, each with one case and {@code events}
     * timeline events of random categories, through the stores' bulk imports: the documents and
     * index postings the node's own saves write, a few writes per batch instead of ~65 per person.
     */
    static void saveBatch(long from, long to, int events, SubjectStore subjects, CaseStore cases, EventStore eventStore) {
        List<NewSubject> persons = new ArrayList<>();
        for (long i = from; i < to; i++) {
            persons.add(new NewSubject("S" + i, person(i), "generator"));
        }
        List<Saved> savedPersons = subjects.importNew(persons);
        List<NewCase> newCases = new ArrayList<>();
        List<SplittableRandom> randoms = new ArrayList<>();
        List<Instant> openedAt = new ArrayList<>();
        for (long i = from; i < to; i++) {
            SplittableRandom random = new SplittableRandom(i);
            DataCategory caseCategory = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Instant opened = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextLong(150_000_000L));
            newCases.add(new NewCase("C" + i, new CaseDetails(savedPersons.get((int) (i - from)).id(),
                    "case-type-" + random.nextInt(6), caseCategory, CaseState.OPEN, opened, null, "Worker " + i / 30,
                    "Team " + random.nextInt(20), "team@agency.example", Rag.values()[random.nextInt(3)],
                    List.of("need-" + random.nextInt(10)), null), "generator"));
            randoms.add(random);
            openedAt.add(opened);
        }
        List<Saved> savedCases = cases.importNew(newCases);
        Map<String, List<NewEvent>> timelines = new LinkedHashMap<>();
        for (int p = 0; p < savedCases.size(); p++) {
            SplittableRandom random = randoms.get(p);
            long i = from + p;
            List<NewEvent> list = new ArrayList<>(events);
            for (int e = 0; e < events; e++) {
                list.add(new NewEvent("E" + e, EventKind.values()[random.nextInt(EventKind.values().length)],
                        CATEGORIES[random.nextInt(CATEGORIES.length)], openedAt.get(p).plusSeconds(random.nextLong(50_000_000L)),
                        "Synthetic event " + e + " of person " + i, "generator"));
            }
            timelines.put(savedCases.get(p).id(), list);
        }
        eventStore.importTimelines(timelines);
    }

    private static String letters(long n) {
        StringBuilder out = new StringBuilder();
        do {
            out.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return out.toString();
    }

    /** A valid NHS number (modulus 11) unique to {@code i}: 9 digits from i, then the check digit. */
    static String nhsNumber(long i) {
        for (long n = 100_000_000L + i * 3; ; n++) {
            String nine = Long.toString(n % 1_000_000_000L);
            nine = "0".repeat(9 - nine.length()) + nine;
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (nine.charAt(d) - '0') * (10 - d);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
