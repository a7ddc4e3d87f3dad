package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.goldenthread.federation.linkage.PersonIdentifiers;
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

/**
 * Known-to stays known-to, as a property: for random persons with cases and events of random
 * categories (INVOLVEMENT among them, stored as an earlier version let staff tag records), and
 * random grants that are known-to only (purpose COORDINATION with any scope, or scope {INVOLVEMENT}
 * for any purpose) with random asks, GetSubjectRecord releases no case, event, plan action or RAG
 * change: the known-to facts or a refusal, nothing else.
 */
class KnownToOnlyPropertyTest {

    static final List<DataCategory> CATEGORIES = GrantScopePropertyTest.CATEGORIES;
    static final List<Purpose> PURPOSES = EnumSet.complementOf(EnumSet.of(Purpose.PURPOSE_UNSPECIFIED,
            Purpose.UNRECOGNIZED)).stream().toList();
    static TestNode node;
    static final AtomicInteger people = new AtomicInteger();

    record Person(List<DataCategory> caseCategories, List<DataCategory> eventCategories) {
    }

    /** A known-to-only grant and what the request asks for. */
    record Ask(Purpose purpose, Set<DataCategory> scope, Set<DataCategory> asked) {
    }

    @BeforeContainer
    static void boot() throws Exception {
        node = new TestNode(Files.createTempDirectory("gt-known-to"));
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        node.close();
    }

    @Provide
    Arbitrary<Person> persons() {
        Arbitrary<DataCategory> category = Arbitraries.of(CATEGORIES);
        return Combinators.combine(category.list().ofMinSize(1).ofMaxSize(3), category.list().ofMaxSize(6)).as(Person::new);
    }

    @Provide
    Arbitrary<Ask> asks() {
        Arbitrary<Set<DataCategory>> someCategories = Arbitraries.of(CATEGORIES).set().ofMaxSize(CATEGORIES.size());
        Arbitrary<Set<DataCategory>> asked = Arbitraries.oneOf(Arbitraries.just(Set.of()), someCategories);
        Arbitrary<Ask> coordination = Combinators.combine(someCategories.filter(s -> !s.isEmpty()), asked)
                .as((scope, ask) -> new Ask(Purpose.PURPOSE_COORDINATION, scope, ask));
        Arbitrary<Ask> involvementOnly = Combinators.combine(Arbitraries.of(PURPOSES), asked)
                .as((purpose, ask) -> new Ask(purpose, Set.of(DataCategory.DATA_CATEGORY_INVOLVEMENT), ask));
        return Arbitraries.oneOf(coordination, involvementOnly);
    }

    @Property(tries = 60)
    void releasesNoRecordUnderAKnownToOnlyGrant(@ForAll("persons") Person person, @ForAll("asks") Ask ask) {
        int n = people.incrementAndGet();
        List<LinkageToken> tokens = store(person, n);
        boolean involvementCovered = ask.scope().contains(DataCategory.DATA_CATEGORY_INVOLVEMENT)
                && (ask.asked().isEmpty() || ask.asked().contains(DataCategory.DATA_CATEGORY_INVOLVEMENT));
        GetSubjectRecordRequest request = GetSubjectRecordRequest.newBuilder().addAllTokens(tokens)
                .addAllCategories(ask.asked()).setPageSize(2).build();
        String grant = GrantScopePropertyTest.grant(node, ask.purpose(), ask.scope(), tokens);
        if (!involvementCovered) {
            assertThatThrownBy(() -> GrantScopePropertyTest.call(node, grant, request.toBuilder()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
            return;
        }
        GetSubjectRecordResponse response = GrantScopePropertyTest.call(node, grant, request.toBuilder());
        assertThat(response.getCasesList()).isEmpty();
        assertThat(response.getEventsList()).isEmpty();
        assertThat(response.getPlanActionsList()).isEmpty();
        assertThat(response.getRagHistoryList()).isEmpty();
        assertThat(response.getNextPageToken()).isEmpty();
        assertThat(response.getReleasedCategoriesList()).containsExactly(DataCategory.DATA_CATEGORY_INVOLVEMENT);
        assertThat(response.getMatchesList()).singleElement().satisfies(m -> assertThat(m.getInvolvement().getOpenCase()).isTrue());
        assertThat(response.toString()).doesNotContain("secret-" + n + "-", "type-" + n, "action-" + n, "rag-" + n);
    }

    /** Through the stores, as data stored before the REST API refused the INVOLVEMENT tag. */
    static List<LinkageToken> store(Person person, int n) {
        String family = "Known" + Integer.toString(n, 26).replaceAll("[0-9]", "q");
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(n);
        String subjectId = node.bean(SubjectStore.class).save("K" + n, new SubjectDetails(family, "Alex", born, null, null,
                null, List.of()), "seed").id();
        CaseStore cases = node.bean(CaseStore.class);
        List<String> caseIds = new java.util.ArrayList<>();
        for (int c = 0; c < person.caseCategories().size(); c++) {
            DataCategory category = person.caseCategories().get(c);
            cases.save("K" + n + "-C" + c, details(subjectId, n, category, Rag.AMBER, null), "seed");
            String id = cases.save("K" + n + "-C" + c, details(subjectId, n, category, Rag.RED, "rag-" + n), "seed").id();
            node.bean(ActionStore.class).save(id, "A", "action-" + n, "police", null, ActionStatus.OPEN, "seed");
            caseIds.add(id);
        }
        for (int i = 0; i < person.eventCategories().size(); i++) {
            node.bean(EventStore.class).save(caseIds.get(i % caseIds.size()), "E" + i, EventKind.NOTE,
                    person.eventCategories().get(i), Instant.parse("2026-02-01T10:00:00Z").plusSeconds(i),
                    GrantScopePropertyTest.marker(n, i), "seed");
        }
        return node.linkage().tokensFor(new PersonIdentifiers(null, null, family, "Alex", born, null));
    }

    static CaseDetails details(String subjectId, int n, DataCategory category, Rag rag, String reason) {
        return new CaseDetails(subjectId, "type-" + n, category, CaseState.OPEN, Instant.parse("2026-01-01T00:00:00Z"), null,
                "PC Prop", "Team " + n, "team@police.example", rag, List.of(), reason);
    }
}
