package org.goldenthread.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.LinkageKey;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.node.audit.AccessLogSubject;
import org.goldenthread.node.audit.AuditEvent;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.node.casework.ActionStatus;
import org.goldenthread.node.casework.ActionStore;
import org.goldenthread.node.casework.CaseDetails;
import org.goldenthread.node.casework.CaseEvent;
import org.goldenthread.node.casework.CaseState;
import org.goldenthread.node.casework.CaseStore;
import org.goldenthread.node.casework.EventKind;
import org.goldenthread.node.casework.EventPage;
import org.goldenthread.node.casework.EventStore;
import org.goldenthread.node.casework.Rag;
import org.goldenthread.node.subject.Subject;
import org.goldenthread.node.subject.SubjectDetails;
import org.goldenthread.node.subject.SubjectStore;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the node's stores promise, written once and run against every store the node supports:
 * the embedded default ({@link EmbeddedStoreContractTest}) always, a real MongoDB
 * ({@link RealMongoStoreContractIT}) wherever Docker can provide one. Each test gets a fresh database.
 */
abstract class StoreContract {

    static final DataCategory CRIME = DataCategory.DATA_CATEGORY_CRIME;
    static final DataCategory MENTAL = DataCategory.DATA_CATEGORY_HEALTH_MENTAL;
    static final LinkageTokens LINKAGE = new LinkageTokens(LinkageKey.fromBase64("k1", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));

    MongoDatabase database;
    SubjectStore subjects;
    CaseStore cases;
    EventStore events;
    ActionStore actions;

    /** A database no other test uses. */
    abstract MongoDatabase freshDatabase(String name);

    @BeforeEach
    void openStores() {
        database = freshDatabase("contract-" + UUID.randomUUID().toString().substring(0, 8));
        subjects = new SubjectStore(database, LINKAGE);
        cases = new CaseStore(database);
        events = new EventStore(database);
        actions = new ActionStore(database);
    }

    static SubjectDetails tom(String nhs, String family) {
        return new SubjectDetails(family, "Tom", LocalDate.of(2006, 5, 1), nhs, null, "LS6 2AB", List.of());
    }

    static List<LinkageToken> tokensOf(SubjectDetails d) {
        return LINKAGE.tokensFor(new PersonIdentifiers(d.nhsNumber(), null, d.familyName(), d.givenName(), d.dateOfBirth(), d.postcode()));
    }

    String newCase(String ref, String subjectId, String worker, CaseState state) {
        return cases.save(ref, new CaseDetails(subjectId, "offender", CRIME, state, Instant.parse("2026-01-01T00:00:00Z"),
                null, worker, "team", "contact", Rag.RED, List.of("crime"), null), "tester").id();
    }

    @Nested
    class Subjects {

        @Test
        void findsAPersonByAnyOfItsTokens() {
            String id = subjects.save("S1", tom("9434765919", "Hale"), "tester").id();
            assertThat(subjects.withAnyToken(tokensOf(tom("9434765919", "Hale")).subList(0, 1))).extracting(Subject::id).containsExactly(id);
        }

        @Test
        void forgetsTheOldTokensWhenTheDetailsChange() {
            String id = subjects.save("S1", tom("9434765919", "Hale"), "tester").id();
            subjects.save("S1", tom(null, "Hale"), "tester");
            List<LinkageToken> nhsOnly = tokensOf(tom("9434765919", "Hale")).stream()
                    .filter(t -> t.getKind().name().endsWith("NHS")).toList();
            assertThat(subjects.withAnyToken(nhsOnly)).isEmpty();
            assertThat(subjects.withAnyToken(tokensOf(tom(null, "Hale")))).extracting(Subject::id).containsExactly(id);
        }
    }

    @Nested
    class Cases {

        @Test
        void followsACaseMovedToAnotherPerson() {
            String tom = subjects.save("S1", tom(null, "Hale"), "t").id();
            String other = subjects.save("S2", tom(null, "Jones"), "t").id();
            String caseId = newCase("C1", tom, "PC A", CaseState.OPEN);
            newCase("C1", other, "PC A", CaseState.OPEN);
            assertThat(cases.about(List.of(tom))).isEmpty();
            assertThat(cases.about(List.of(other))).extracting(c -> c.id()).containsExactly(caseId);
        }

        @Test
        void keepsOnlyOpenCasesInAWorkersCaseload() {
            String tom = subjects.save("S1", tom(null, "Hale"), "t").id();
            newCase("C1", tom, "PC A", CaseState.OPEN);
            newCase("C2", tom, "PC A", CaseState.OPEN);
            newCase("C2", tom, "PC A", CaseState.CLOSED);
            newCase("C3", tom, "PC B", CaseState.OPEN);
            assertThat(cases.openLedBy("PC A")).extracting(c -> c.ref()).containsExactly("C1");
        }

        @Test
        void listsACasesPlanActions() {
            String caseId = newCase("C1", subjects.save("S1", tom(null, "Hale"), "t").id(), "PC A", CaseState.OPEN);
            actions.save(caseId, "A2", "second", "police", LocalDate.of(2026, 3, 1), ActionStatus.OPEN, "t");
            actions.save(caseId, "A1", "first", "police", LocalDate.of(2026, 2, 1), ActionStatus.OPEN, "t");
            actions.save(caseId, "A1", "first, revised", "police", LocalDate.of(2026, 2, 1), ActionStatus.DONE, "t");
            assertThat(actions.of(List.of(caseId))).extracting(a -> a.description()).containsExactly("first, revised", "second");
        }
    }

    @Nested
    class Timelines {

        @Test
        void pagesNewestFirstWithinTheCategoriesAsked() {
            String caseId = newCase("C1", subjects.save("S1", tom(null, "Hale"), "t").id(), "PC A", CaseState.OPEN);
            for (int i = 1; i <= 7; i++) {
                events.save(caseId, "E" + i, EventKind.NOTE, i % 2 == 0 ? MENTAL : CRIME,
                        Instant.parse("2026-01-0" + i + "T10:00:00Z"), "event " + i, "t");
            }
            EventPage first = events.page(List.of(caseId), List.of(CRIME), null, 2);
            EventPage second = events.page(List.of(caseId), List.of(CRIME), first.next(), 2);
            assertThat(first.events()).extracting(CaseEvent::summary).containsExactly("event 7", "event 5");
            assertThat(second.events()).extracting(CaseEvent::summary).containsExactly("event 3", "event 1");
            assertThat(second.next()).isNull();
        }

        @Test
        void releasesAReSavedEventOnlyUnderItsNewCategory() {
            String caseId = newCase("C1", subjects.save("S1", tom(null, "Hale"), "t").id(), "PC A", CaseState.OPEN);
            events.save(caseId, "E1", EventKind.NOTE, CRIME, Instant.parse("2026-01-01T10:00:00Z"), "was crime", "t");
            events.save(caseId, "E1", EventKind.NOTE, MENTAL, Instant.parse("2026-01-02T10:00:00Z"), "now health", "t");
            assertThat(events.page(List.of(caseId), List.of(CRIME), null, 10).events()).isEmpty();
            assertThat(events.page(List.of(caseId), List.of(MENTAL), null, 10).events()).extracting(CaseEvent::summary)
                    .containsExactly("now health");
            // One entry per event: the re-save replaced its timeline entry rather than adding one.
            assertThat(database.getCollection("timeline").find(new Document("_id", caseId + "/0")).first()
                    .getList("entries", Document.class)).hasSize(1);
        }
    }

    @Nested
    class Audit {

        static AuditEvent about(String digest) {
            return new AuditEvent("GetSubjectRecord", AuditOutcome.RELEASED, "g", "u", "council", "CASE_MANAGEMENT",
                    "CONSENT", List.of("CRIME"), List.of("r"), "", "req", digest);
        }

        @Test
        void continuesTheChainFromAnotherInstanceAndListsEntriesBySubject() {
            String tom = SubjectDigest.of(tokensOf(tom(null, "Hale")));
            AuditLog first = new AuditLog(database);
            for (int i = 0; i < 5; i++) {
                first.append(about(i % 2 == 0 ? tom : "someone-else"));
            }
            AuditLog restarted = new AuditLog(database);
            assertThat(restarted.append(about(tom)).sequence()).isEqualTo(6);
            first.append(about(tom));
            assertThat(restarted.verify().valid()).isTrue();
            assertThat(restarted.count()).isEqualTo(7);
            assertThat(restarted.about(AccessLogSubject.byTokens(tokensOf(tom(null, "Hale"))), 1, 10))
                    .extracting(e -> e.sequence()).containsExactly(3L, 5L, 6L, 7L);
        }

        @Test
        void namesExactlyTheEntryWhoseStoredFieldWasAltered() {
            AuditLog log = new AuditLog(database);
            for (int i = 0; i < 4; i++) {
                log.append(about("digest-" + i));
            }
            var stored = database.getCollection("audit");
            for (long sequence = 1; sequence <= 4; sequence++) {
                Document original = stored.find(new Document("sequence", sequence)).first();
                for (String field : original.keySet()) {
                    if (field.equals("_id")) {
                        continue;
                    }
                    stored.replaceOne(new Document("_id", original.get("_id")), tampered(original, field));
                    assertThat(log.verify().firstBrokenSequence()).as("%s of entry %d", field, sequence).isEqualTo(sequence);
                    stored.replaceOne(new Document("_id", original.get("_id")), original);
                }
                assertThat(log.verify().valid()).isTrue();
            }
        }

        static Document tampered(Document original, String field) {
            Document copy = new Document(original);
            Object value = original.get(field);
            Object altered = "x";
            if (value instanceof String text) {
                altered = text + "x";
            } else if (value instanceof Number number) {
                altered = number.longValue() + 100;
            } else if (value instanceof java.util.Date date) {
                altered = new java.util.Date(date.getTime() + 1);
            } else if (value instanceof List<?> list) {
                altered = java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of("x")).toList();
            }
            copy.put(field, altered);
            return copy;
        }
    }
}
