package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.goldenthread.node.TestNode;
import org.goldenthread.node.audit.AuditEvent;
import org.goldenthread.node.audit.AuditLog;
import org.goldenthread.node.audit.AuditOutcome;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.Purpose;
import org.goldenthread.proto.node.v1.AccessLogEntry;
import org.goldenthread.proto.node.v1.GetAccessLogRequest;
import org.goldenthread.proto.node.v1.GetSubjectRecordRequest;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subject access request finds every entry about the person, whichever of their identifiers each call used. */
class AccessLogTest {

    static final DataCategory CRIME = DataCategory.DATA_CATEGORY_CRIME;
    static final LocalDate BORN = LocalDate.of(1988, 8, 8);

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;
    /** Dana Ward, born Dana Price: an NHS number, her name now and her name before. */
    static List<LinkageToken> byNhs;
    static List<LinkageToken> byName;
    static List<LinkageToken> byPreviousName;

    @BeforeAll
    static void bootAndSeed() {
        node = new TestNode(data);
        client = new NodeClient(node);
        client.person("DANA", "{\"familyName\":\"Ward\",\"givenName\":\"Dana\",\"dateOfBirth\":\"1988-08-08\","
                + "\"nhsNumber\":\"9434765919\",\"previousNames\":[\"Price\"]}", "dana-secret");
        client.person("OTHER", "{\"familyName\":\"Ward\",\"givenName\":\"Dan\",\"dateOfBirth\":\"1988-08-08\"}", "other-secret");
        List<LinkageToken> all = client.tokens("9434765919", "Ward", "Dana", BORN, null);
        byNhs = of(all, LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS);
        byName = of(all, LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB);
        byPreviousName = client.tokens(null, "Price", "Dana", BORN, null);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    static List<LinkageToken> of(List<LinkageToken> tokens, LinkageTokenKind kind) {
        return tokens.stream().filter(t -> t.getKind() == kind).toList();
    }

    static void read(List<LinkageToken> tokens) {
        client.stub(NodeClient.grant(tokens, CRIME)).getSubjectRecord(GetSubjectRecordRequest.newBuilder().addAllTokens(tokens).build());
    }

    static List<AccessLogEntry> accessLog(List<LinkageToken> tokens) {
        return client.stub(NodeClient.grant(NodeClient.REQUESTER, tokens, Purpose.PURPOSE_SUBJECT_ACCESS, Set.of(),
                DataCategory.DATA_CATEGORY_INVOLVEMENT)).getAccessLog(GetAccessLogRequest.newBuilder().addAllTokens(tokens)
                .setPageSize(500).build()).getEntriesList();
    }

    static long last() {
        return client.lastAuditEntry().sequence();
    }

    @Nested
    class ThroughAnyIdentifier {

        @Test
        void findsReleasesMadeWithEachOfThePersonsIdentifiers() {
            read(byNhs);
            long viaNhs = last();
            read(byPreviousName);
            long viaPreviousName = last();
            read(of(client.tokens(null, "Ward", "Dan", BORN, null), LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB));
            long aboutSomeoneElse = last();

            assertThat(accessLog(byName)).extracting(AccessLogEntry::getSequence)
                    .contains(viaNhs, viaPreviousName).doesNotContain(aboutSomeoneElse);
            assertThat(accessLog(byNhs)).extracting(AccessLogEntry::getSequence).contains(viaNhs, viaPreviousName);
        }

        @Test
        void findsRefusalsMadeWithHerIdentifiersButNotMixedOnes() {
            client.assertRefused(() -> client.stub(NodeClient.grant(byPreviousName, CRIME))
                    .matchSubject(MatchSubjectRequest.newBuilder().addAllTokens(byPreviousName).build()),
                    Status.Code.PERMISSION_DENIED, "CATEGORY_NOT_GRANTED");
            long refusedAboutHer = last();
            List<LinkageToken> mixed = new java.util.ArrayList<>(byNhs);
            mixed.addAll(of(client.tokens(null, "Ward", "Dan", BORN, null), LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB));
            client.assertRefused(() -> read(mixed), Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE");
            long mixedUp = last();

            assertThat(accessLog(byName)).extracting(AccessLogEntry::getSequence).contains(refusedAboutHer).doesNotContain(mixedUp);
        }

        @Test
        void findsEntriesAboutSomeoneTheNodeDoesNotHoldByTheirTokens() {
            List<LinkageToken> stranger = client.tokens("4010232137", "Nobody", "Nell", BORN, null);
            read(stranger);
            long asked = last();
            assertThat(accessLog(of(stranger, LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS)))
                    .extracting(AccessLogEntry::getSequence).containsExactly(asked);
        }

        @Test
        void refusesTheLogWhenTheIdentifiersFitTwoPeople() {
            List<LinkageToken> twoPeople = new java.util.ArrayList<>(byNhs);
            twoPeople.addAll(of(client.tokens(null, "Ward", "Dan", BORN, null), LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB));
            client.assertRefused(() -> accessLog(twoPeople), Status.Code.FAILED_PRECONDITION, "IDENTIFIERS_DISAGREE");
        }
    }

    @Nested
    class WrittenBeforeTokensWereRecorded {

        @Test
        void findsOlderEntriesByTheDigestOfTheirTime() {
            // As nodes wrote them before: the digest of the request's exact token set, in the old encoding.
            AuditLog log = node.bean(AuditLog.class);
            long withNhsAndName = log.append(old(legacyDigest(List.of(byNhs.get(0), byName.get(0))))).sequence();
            long withPreviousName = log.append(old(legacyDigest(byPreviousName))).sequence();
            long someoneElse = log.append(old(legacyDigest(client.tokens(null, "Ward", "Dan", BORN, null)))).sequence();

            assertThat(accessLog(byName)).extracting(AccessLogEntry::getSequence)
                    .contains(withNhsAndName, withPreviousName).doesNotContain(someoneElse);
            assertThat(node.bean(AuditLog.class).verify().valid()).isTrue();
        }

        static AuditEvent old(String digest) {
            return new AuditEvent("GetSubjectRecord", AuditOutcome.RELEASED, "g-old", "kim", "council", "CASE_MANAGEMENT",
                    "CONSENT", List.of("CRIME"), List.of("r-old"), "", "req-old", digest);
        }

        /** The subject digest nodes computed before: SHA-256 of sorted "kind:keyId:value\n" lines, base64url. */
        static String legacyDigest(Collection<LinkageToken> tokens) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                tokens.stream().map(t -> t.getKind().getNumber() + ":" + t.getKeyId() + ":" + t.getValue()).distinct().sorted()
                        .forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
