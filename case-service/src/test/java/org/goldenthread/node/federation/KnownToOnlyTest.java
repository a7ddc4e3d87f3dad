package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.node.TestNode;
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
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;
import org.goldenthread.proto.node.v1.TimelineEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * INVOLVEMENT releases the known-to facts only, and COORDINATION cannot read records: no case,
 * event, plan action or RAG change leaves under either, even one tagged INVOLVEMENT (stored before
 * the REST API refused that tag, as here through the stores), and the staff API refuses the tag.
 */
class KnownToOnlyTest {

    static final DataCategory INVOLVEMENT = DataCategory.DATA_CATEGORY_INVOLVEMENT;
    static final DataCategory CRIME = DataCategory.DATA_CATEGORY_CRIME;
    static final Set<DataCategory> EVERY_CATEGORY = EnumSet.complementOf(EnumSet.of(DataCategory.DATA_CATEGORY_UNSPECIFIED,
            DataCategory.UNRECOGNIZED));

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;
    static List<LinkageToken> lee;
    static String involvementEventId;
    static String involvementActionId;

    /** Lee's records as an earlier version let staff tag them: an INVOLVEMENT case with an action and a RAG history. */
    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        client = new NodeClient(node);
        String leeId = node.bean(SubjectStore.class).save("LEE", new SubjectDetails("Legacy", "Lee", LocalDate.of(1979, 9, 9),
                null, null, null, List.of()), "seed").id();
        CaseStore cases = node.bean(CaseStore.class);
        cases.save("L-TAF", tagged(leeId, INVOLVEMENT, "taf-legacy", Rag.AMBER, null), "seed");
        String tafId = cases.save("L-TAF", tagged(leeId, INVOLVEMENT, "taf-legacy", Rag.RED, "legacy-rag-reason"), "seed").id();
        String crimeId = cases.save("L-CRIME", tagged(leeId, CRIME, "offender", Rag.GREEN, null), "seed").id();
        involvementActionId = node.bean(ActionStore.class).save(tafId, "A1", "legacy-action", "police", null,
                ActionStatus.OPEN, "seed").id();
        EventStore events = node.bean(EventStore.class);
        involvementEventId = events.save(crimeId, "E1", EventKind.NOTE, INVOLVEMENT, Instant.parse("2026-02-01T10:00:00Z"),
                "legacy-involvement-note", "seed").id();
        events.save(crimeId, "E2", EventKind.NOTE, CRIME, Instant.parse("2026-02-02T10:00:00Z"), "legacy-crime-note", "seed");
        lee = client.tokens(null, "Legacy", "Lee", LocalDate.of(1979, 9, 9), null);
    }

    static CaseDetails tagged(String subjectId, DataCategory category, String caseType, Rag rag, String reason) {
        return new CaseDetails(subjectId, caseType, category, CaseState.OPEN, Instant.parse("2026-01-01T00:00:00Z"), null,
                "Sam Patel", "Team around the family", "taf@council.example", rag, List.of(), reason);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static GetSubjectRecordResponse record(Purpose purpose, Set<DataCategory> scope) {
        return client.stub(NodeClient.grant(NodeClient.REQUESTER, lee, purpose, Set.of(), scope.toArray(DataCategory[]::new)))
                .getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(lee).build());
    }

    static void assertKnownToOnly(GetSubjectRecordResponse response) {
        assertThat(response.getCasesList()).isEmpty();
        assertThat(response.getEventsList()).isEmpty();
        assertThat(response.getPlanActionsList()).isEmpty();
        assertThat(response.getRagHistoryList()).isEmpty();
        assertThat(response.getNextPageToken()).isEmpty();
        assertThat(response.getReleasedCategoriesList()).containsExactly(INVOLVEMENT);
        assertThat(response.getMatches(0).getInvolvement().getLeadWorker()).isEqualTo("Sam Patel");
        assertThat(response.toString()).doesNotContain("legacy-", "taf-legacy", "offender");
        assertThat(client.lastAuditEntry().categories()).containsExactly("INVOLVEMENT");
        assertThat(client.lastAuditEntry().recordIds()).doesNotContain(involvementEventId, involvementActionId);
    }

    @Nested
    class UnderInvolvement {

        @Test
        void releasesNoCaseEventOrActionEvenTaggedInvolvement() {
            assertKnownToOnly(record(Purpose.PURPOSE_CASE_MANAGEMENT, Set.of(INVOLVEMENT)));
        }

        @Test
        void releasesTheOtherCategoriesRecordsButNeverThoseTaggedInvolvement() {
            GetSubjectRecordResponse response = record(Purpose.PURPOSE_CASE_MANAGEMENT, EVERY_CATEGORY);
            assertThat(response.getCasesList()).extracting(c -> c.getCaseType()).containsExactly("offender");
            assertThat(response.getEventsList()).extracting(TimelineEvent::getSummary).containsExactly("legacy-crime-note");
            assertThat(response.getPlanActionsList()).isEmpty();
            assertThat(response.getRagHistoryList()).allSatisfy(r -> assertThat(r.getProvenance().getCategory()).isEqualTo(CRIME));
            assertThat(response.toString()).doesNotContain("legacy-involvement-note", "legacy-action", "legacy-rag-reason");
            assertThat(client.lastAuditEntry().recordIds()).doesNotContain(involvementEventId, involvementActionId);
        }
    }

    @Nested
    class UnderCoordination {

        @Test
        void releasesNoRecordsWhateverTheScope() {
            assertKnownToOnly(record(Purpose.PURPOSE_COORDINATION, EVERY_CATEGORY));
        }

        @Test
        void refusesAScopeWithoutInvolvement() {
            client.assertRefused(() -> record(Purpose.PURPOSE_COORDINATION, Set.of(CRIME, DataCategory.DATA_CATEGORY_ASB)),
                    Status.Code.PERMISSION_DENIED, "CATEGORY_NOT_GRANTED");
        }

        @Test
        void refusesAnAskWithoutInvolvement() {
            client.assertRefused(() -> client.stub(NodeClient.grant(NodeClient.REQUESTER, lee, Purpose.PURPOSE_COORDINATION,
                    Set.of(), CRIME, INVOLVEMENT)).getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(lee)
                    .addCategories(CRIME).build()), Status.Code.PERMISSION_DENIED, "CATEGORY_NOT_GRANTED");
        }
    }

    @Nested
    class StaffWritesTaggedInvolvement {

        static void assertRefused(ResponseEntity<String> answer) {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(answer.getBody()).contains("\"code\":\"involvement-not-a-record-category\"", "\"field\":\"category\"",
                    "Choose the category of what the record is about").doesNotContain("Exception");
        }

        @Test
        void refusesACaseAndStoresNothing() {
            assertRefused(node.put("/api/cases/NEW-CASE", client.officer, """
                    {"subjectRef":"LEE","caseType":"taf","category":" involvement ","status":"OPEN","openedAt":"2026-03-01"}"""));
            assertThat(node.bean(CaseStore.class).byRef("NEW-CASE")).isEmpty();
        }

        @Test
        void refusesAnEventAndStoresNothing() {
            assertRefused(node.put("/api/cases/L-CRIME/events/E-NEW", client.officer, """
                    {"kind":"NOTE","category":"Involvement","occurredAt":"2026-03-01T10:00:00Z","summary":"meeting held"}"""));
            assertThat(node.database().getCollection("events").countDocuments(Filters.eq("ref", "E-NEW"))).isZero();
        }

        @Test
        void letsStaffRetagACaseStoredWithInvolvementButNotBack() {
            client.ok("/api/subjects/RAY", """
                    {"familyName":"Retag","givenName":"Ray","dateOfBirth":"1970-07-07"}""");
            String rayId = node.bean(SubjectStore.class).byRef("RAY").orElseThrow().id();
            node.bean(CaseStore.class).save("R-TAF", tagged(rayId, INVOLVEMENT, "taf", Rag.GREEN, null), "seed");
            String social = """
                    {"subjectRef":"RAY","caseType":"taf","category":"SOCIAL_CARE","status":"OPEN","openedAt":"2026-01-01"}""";
            client.ok("/api/cases/R-TAF", social);
            assertThat(node.bean(CaseStore.class).byRef("R-TAF").orElseThrow().category())
                    .isEqualTo(DataCategory.DATA_CATEGORY_SOCIAL_CARE);
            assertRefused(node.put("/api/cases/R-TAF", client.officer, social.replace("SOCIAL_CARE", "INVOLVEMENT")));
            assertThat(node.bean(CaseStore.class).byRef("R-TAF").orElseThrow().category())
                    .isEqualTo(DataCategory.DATA_CATEGORY_SOCIAL_CARE);
        }
    }
}
