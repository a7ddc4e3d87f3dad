package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.goldenthread.federation.Vocabulary;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.node.TestNode;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordResponse;

/**
 * The node's one promise, as a property: for random persons with cases and events of random
 * categories, and random grants and asks, nothing outside the grant's categories ever leaves
 * GetSubjectRecord, on any page, and everything inside them does (INVOLVEMENT being the known-to
 * facts, never records). {@link KnownToOnlyPropertyTest} holds the known-to-only grants.
 */
class GrantScopePropertyTest {

    static final List<DataCategory> CATEGORIES = EnumSet.complementOf(EnumSet.of(DataCategory.DATA_CATEGORY_UNSPECIFIED,
            DataCategory.UNRECOGNIZED)).stream().toList();
    /** What staff may tag a case or event with: INVOLVEMENT is the known-to facts, never a record's category. */
    static final List<DataCategory> RECORD_CATEGORIES = CATEGORIES.stream()
            .filter(c -> c != DataCategory.DATA_CATEGORY_INVOLVEMENT).toList();
    static TestNode node;
    static String officer;
    static final AtomicInteger people = new AtomicInteger();

    record Item(DataCategory category, int caseIndex) {
    }

    record Person(List<DataCategory> caseCategories, List<Item> events) {
    }

    @BeforeContainer
    static void boot() throws Exception {
        node = new TestNode(Files.createTempDirectory("gt-properties"));
        officer = node.issuers.userToken(TestNode.AGENCY, "PC Prop", "KEY_WORKER");
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        node.close();
    }

    @Provide
    Arbitrary<Person> persons() {
        Arbitrary<DataCategory> category = Arbitraries.of(RECORD_CATEGORIES);
        Arbitrary<List<DataCategory>> cases = category.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Item>> events = Combinators.combine(category, Arbitraries.integers().between(0, 2))
                .as(Item::new).list().ofMaxSize(8);
        return Combinators.combine(cases, events).as(Person::new);
    }

    @Provide
    Arbitrary<Set<DataCategory>> categorySets() {
        return Arbitraries.of(CATEGORIES).set().ofMaxSize(5);
    }

    @Property(tries = 50)
    void releasesNothingOutsideTheGrant(@ForAll("persons") Person person, @ForAll("categorySets") Set<DataCategory> scope,
            @ForAll("categorySets") Set<DataCategory> asked, @ForAll("pageSizes") int pageSize) {
        int n = people.incrementAndGet();
        List<LinkageToken> tokens = save(person, n);
        Set<DataCategory> released = EnumSet.noneOf(DataCategory.class);
        released.addAll(scope);
        if (!asked.isEmpty()) {
            released.retainAll(asked);
        }
        GetSubjectRecordRequest.Builder request = GetSubjectRecordRequest.newBuilder().addAllTokens(tokens)
                .addAllCategories(asked).setPageSize(pageSize);
        String grant = grant(scope, tokens);
        if (scope.isEmpty() || released.isEmpty()) {
            assertThatThrownBy(() -> call(grant, request)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
            return;
        }
        List<GetSubjectRecordResponse> pages = new ArrayList<>();
        do {
            // Every page under the first page's grant: the one reuse a grant allows.
            pages.add(call(grant, request));
            request.setPageToken(pages.get(pages.size() - 1).getNextPageToken());
        } while (!request.getPageToken().isEmpty() && pages.size() < 50);

        // INVOLVEMENT releases the known-to facts in the matches, never a record.
        Set<DataCategory> records = EnumSet.noneOf(DataCategory.class);
        records.addAll(released);
        records.remove(DataCategory.DATA_CATEGORY_INVOLVEMENT);
        List<String> summaries = new ArrayList<>();
        for (GetSubjectRecordResponse page : pages) {
            assertThat(released).containsAll(page.getReleasedCategoriesList());
            page.getCasesList().forEach(c -> assertThat(records).contains(c.getProvenance().getCategory()));
            page.getPlanActionsList().forEach(a -> assertThat(records).contains(a.getProvenance().getCategory()));
            page.getRagHistoryList().forEach(r -> assertThat(records).contains(r.getProvenance().getCategory()));
            page.getEventsList().forEach(e -> assertThat(records).contains(e.getProvenance().getCategory()));
            page.getMatchesList().forEach(m -> assertThat(m.hasInvolvement())
                    .isEqualTo(released.contains(DataCategory.DATA_CATEGORY_INVOLVEMENT)));
            page.getEventsList().forEach(e -> summaries.add(e.getSummary()));
            for (int i = 0; i < person.events().size(); i++) {
                if (!records.contains(person.events().get(i).category())) {
                    assertThat(page.toString()).doesNotContain(marker(n, i));
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < person.events().size(); i++) {
            if (records.contains(person.events().get(i).category())) {
                expected.add(marker(n, i));
            }
        }
        assertThat(summaries).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.integers().between(0, 4);
    }

    static String marker(int person, int event) {
        return "secret-" + person + "-" + event;
    }

    static List<LinkageToken> save(Person person, int n) {
        String family = "Prop" + Integer.toString(n, 26).replaceAll("[0-9]", "x");
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(n);
        put("/api/subjects/P" + n, "{\"familyName\":\"" + family + "\",\"givenName\":\"Sam\",\"dateOfBirth\":\"" + born + "\"}");
        for (int c = 0; c < person.caseCategories().size(); c++) {
            String ref = "/api/cases/P" + n + "-C" + c;
            put(ref, "{\"subjectRef\":\"P" + n + "\",\"caseType\":\"t\",\"category\":\"" + Vocabulary.name(person.caseCategories().get(c))
                    + "\",\"status\":\"OPEN\",\"openedAt\":\"2026-01-01\",\"leadWorker\":\"PC Prop\",\"rag\":\"RED\"}");
            put(ref + "/actions/A", "{\"description\":\"action-" + n + "\",\"ownerAgency\":\"police\",\"status\":\"OPEN\"}");
        }
        for (int i = 0; i < person.events().size(); i++) {
            Item item = person.events().get(i);
            int caseIndex = Math.min(item.caseIndex(), person.caseCategories().size() - 1);
            put("/api/cases/P" + n + "-C" + caseIndex + "/events/E" + i, "{\"kind\":\"NOTE\",\"category\":\""
                    + Vocabulary.name(item.category()) + "\",\"occurredAt\":\"2026-02-0" + (1 + i % 9) + "T10:00:00Z\",\"summary\":\""
                    + marker(n, i) + "\"}");
        }
        return node.linkage().tokensFor(new PersonIdentifiers(null, null, family, "Sam", born, null));
    }

    static void put(String path, String json) {
        assertThat(node.put(path, officer, json).getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }

    static String grant(Set<DataCategory> scope, List<LinkageToken> tokens) {
        return grant(node, Purpose.PURPOSE_CASE_MANAGEMENT, scope, tokens);
    }

    /** A grant for this test node's agency alone, as consent-service issues one. */
    static String grant(TestNode node, Purpose purpose, Set<DataCategory> scope, List<LinkageToken> tokens) {
        Instant now = Instant.now();
        return node.issuers.grant(new AccessGrant(UUID.randomUUID().toString(), "prop", "council",
                purpose, SubjectDigest.of(tokens), Map.of(TestNode.AGENCY, scope),
                Map.of(TestNode.AGENCY, LawfulBasis.LAWFUL_BASIS_CONSENT), now, now.plusSeconds(60)));
    }

    static GetSubjectRecordResponse call(String grant, GetSubjectRecordRequest.Builder request) {
        return call(node, grant, request);
    }

    static GetSubjectRecordResponse call(TestNode node, String grant, GetSubjectRecordRequest.Builder request) {
        Metadata headers = new Metadata();
        headers.put(CallMetadata.GRANT_HEADER, grant);
        return CaseNodeGrpc.newBlockingStub(node.channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS).getSubjectRecord(request.build());
    }
}
