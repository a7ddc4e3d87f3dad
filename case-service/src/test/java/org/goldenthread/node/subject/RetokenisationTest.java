package org.goldenthread.node.subject;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.goldenthread.federation.grant.AccessGrant;
import org.goldenthread.federation.grant.SubjectDigest;
import org.goldenthread.federation.linkage.NameNormaliser;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.store.ReverseIndex;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LawfulBasis;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.CaseNodeGrpc;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.goldenthread.proto.node.v1.MatchSubjectResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose persons were stored under name normalisation version 1 (Łukasz → UKASZ) matches them
 * with today's tokens after its next start, which re-tokenises them before the ports open.
 */
class RetokenisationTest {

    static final LocalDate BORN = LocalDate.of(1992, 4, 4);
    static final PersonIdentifiers LUKASZ = new PersonIdentifiers("9434765919", null, "Kowalski", "Łukasz", BORN, null);

    @TempDir
    Path data;

    @Test
    void matchesAPersonStoredWithVersionOneTokensAfterTheNextStart() throws Exception {
        List<LinkageToken> today;
        LinkageToken versionOneName;
        String id;
        try (TestNode before = new TestNode(data)) {
            String officer = before.issuers.userToken(TestNode.AGENCY, "PC Jones", "KEY_WORKER");
            assertThat(before.put("/api/subjects/LUKASZ", officer, "{\"familyName\":\"Kowalski\",\"givenName\":\"Łukasz\","
                    + "\"dateOfBirth\":\"1992-04-04\",\"nhsNumber\":\"9434765919\"}").getStatusCode().value()).isEqualTo(201);
            today = before.linkage().tokensFor(LUKASZ);
            versionOneName = before.linkage().legacyTokensFor(LUKASZ).get(0);
            id = before.bean(SubjectStore.class).byRef("LUKASZ").orElseThrow().id();
            storeAsVersionOne(before, id, today, versionOneName);
            assertThat(match(before, nameOnly(today)).getMatchesList()).as("version-1 tokens miss today's").isEmpty();
        }

        try (TestNode after = new TestNode(data)) {
            MatchSubjectResponse matched = match(after, nameOnly(today));
            assertThat(matched.getMatchesList()).singleElement().satisfies(m -> {
                assertThat(m.getSubjectRef()).isEqualTo(id);
                assertThat(m.getStrength()).isEqualTo(MatchStrength.MATCH_STRENGTH_STRONG);
            });
            Document stored = after.database().getCollection("subjects").find(eq("_id", id)).first();
            assertThat(stored.getInteger("tokensVersion")).isEqualTo(NameNormaliser.VERSION);
            ReverseIndex index = new ReverseIndex(after.database(), "subject_tokens");
            assertThat(index.ids(List.of(SubjectStore.key(versionOneName)))).doesNotContain(id);
            Document marker = after.database().getCollection("node_migrations").find(eq("_id", SubjectRetokenisation.MARKER))
                    .first();
            assertThat(marker.getInteger("persons")).isEqualTo(1);
            assertThat(marker.getInteger("changed")).isEqualTo(1);
        }
    }

    /** What a version-1 node left: its name token in the document and the index, no version, no marker. */
    static void storeAsVersionOne(TestNode node, String id, List<LinkageToken> today, LinkageToken versionOneName) {
        LinkageToken todayName = nameOnly(today).get(0);
        List<LinkageToken> versionOne = today.stream().map(t -> t.equals(todayName) ? versionOneName : t).toList();
        node.database().getCollection("subjects").updateOne(eq("_id", id), Updates.combine(
                Updates.set("tokens", SubjectDocuments.tokens(versionOne)), Updates.unset("tokensVersion")));
        ReverseIndex index = new ReverseIndex(node.database(), "subject_tokens");
        index.move(id, List.of(SubjectStore.key(todayName)), List.of(SubjectStore.key(versionOneName)));
        node.database().getCollection("node_migrations").deleteMany(new Document());
    }

    static List<LinkageToken> nameOnly(List<LinkageToken> tokens) {
        return tokens.stream().filter(t -> t.getKind() == LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB).toList();
    }

    static MatchSubjectResponse match(TestNode node, List<LinkageToken> tokens) {
        Instant now = Instant.now();
        String grant = node.issuers.grant(new AccessGrant(UUID.randomUUID().toString(), "kim", "council",
                Purpose.PURPOSE_COORDINATION, SubjectDigest.of(tokens),
                Map.of(TestNode.AGENCY, Set.of(DataCategory.DATA_CATEGORY_INVOLVEMENT)),
                Map.of(TestNode.AGENCY, LawfulBasis.LAWFUL_BASIS_PUBLIC_TASK), now, now.plusSeconds(60)));
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-gt-grant", Metadata.ASCII_STRING_MARSHALLER), grant);
        return CaseNodeGrpc.newBlockingStub(node.channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS).matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(tokens).build());
    }
}
