package org.goldenthread.federation.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.goldenthread.federation.linkage.PersonIdentifiers;
import org.goldenthread.federation.linkage.TestKeys;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.junit.jupiter.api.Test;

class SubjectDigestTest {

    static final List<LinkageToken> ADA = TestKeys.tokens().tokensFor(new PersonIdentifiers(
            "9434765919", "AB123456C", "Quill", "Ada", LocalDate.of(2007, 3, 14), "LS6 2AB"));
    static final List<LinkageToken> BEA = TestKeys.tokens().tokensFor(new PersonIdentifiers(
            "4010232137", null, "Quill", "Bea", LocalDate.of(2009, 5, 1), "LS6 2AB"));

    @Test
    void isIndependentOfOrder() {
        List<LinkageToken> reversed = new ArrayList<>(ADA);
        Collections.reverse(reversed);
        assertThat(SubjectDigest.of(reversed)).isEqualTo(SubjectDigest.of(ADA));
        assertThat(SubjectDigest.of(Set.copyOf(ADA))).isEqualTo(SubjectDigest.of(ADA));
    }

    @Test
    void isIndependentOfDuplicates() {
        List<LinkageToken> doubled = new ArrayList<>(ADA);
        doubled.addAll(ADA);
        doubled.add(ADA.get(0));
        assertThat(SubjectDigest.of(doubled)).isEqualTo(SubjectDigest.of(ADA));
    }

    @Test
    void differsForDifferentTokens() {
        assertThat(SubjectDigest.of(BEA)).isNotEqualTo(SubjectDigest.of(ADA));
        assertThat(SubjectDigest.of(ADA.subList(0, 1))).isNotEqualTo(SubjectDigest.of(ADA));
        assertThat(SubjectDigest.of(ADA.subList(0, 1))).isNotEqualTo(SubjectDigest.of(ADA.subList(1, 2)));
    }

    @Test
    void bindsKindAndKeyIdNotJustTheValue() {
        LinkageToken token = ADA.get(0);
        LinkageToken otherKind = token.toBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO).build();
        LinkageToken otherKey = token.toBuilder().setKeyId("another-key").build();
        String digest = SubjectDigest.of(List.of(token));
        assertThat(SubjectDigest.of(List.of(otherKind))).isNotEqualTo(digest);
        assertThat(SubjectDigest.of(List.of(otherKey))).isNotEqualTo(digest);
    }

    @Test
    void isBase64urlOfSha256AndRevealsNoTokenValue() {
        String digest = SubjectDigest.of(ADA);
        assertThat(digest).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(digest)).hasSize(32);
        assertThat(ADA).noneSatisfy(t -> assertThat(digest).contains(t.getValue()));
    }

    @Test
    void refusesAnEmptySubject() {
        assertThatThrownBy(() -> SubjectDigest.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void separatorsInsideAKeyIdOrValueCannotForgeAnotherSet() {
        // Under the old "kind:keyId:value\n" lines these two sets hashed the same input.
        LinkageToken crafted = LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS)
                .setKeyId("k").setValue("a\n1:k:b").build();
        LinkageToken a = LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).setKeyId("k").setValue("a").build();
        LinkageToken b = LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).setKeyId("k").setValue("b").build();
        assertThat(SubjectDigest.of(List.of(crafted))).isNotEqualTo(SubjectDigest.of(List.of(a, b)));
        LinkageToken colon = LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS)
                .setKeyId("k:x").setValue("y").build();
        LinkageToken shifted = LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS)
                .setKeyId("k").setValue("x:y").build();
        assertThat(SubjectDigest.of(List.of(colon))).isNotEqualTo(SubjectDigest.of(List.of(shifted)));
    }

    @net.jqwik.api.Property(tries = 1000)
    void differentTokenSetsNeverShareADigest(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(min = 1, max = 3) List<@net.jqwik.api.constraints.StringLength(max = 4) @net.jqwik.api.constraints.Chars({'a', ':', '\n', '1'}) String> left,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(min = 1, max = 3) List<@net.jqwik.api.constraints.StringLength(max = 4) @net.jqwik.api.constraints.Chars({'a', ':', '\n', '1'}) String> right) {
        Set<LinkageToken> l = tokens(left);
        Set<LinkageToken> r = tokens(right);
        if (!l.equals(r)) {
            assertThat(SubjectDigest.of(l)).isNotEqualTo(SubjectDigest.of(r));
        }
    }

    private static Set<LinkageToken> tokens(List<String> parts) {
        Set<LinkageToken> tokens = new java.util.HashSet<>();
        for (int i = 0; i + 1 < parts.size() || i == 0; i += 2) {
            String keyId = parts.get(i);
            String value = i + 1 < parts.size() ? parts.get(i + 1) : "";
            tokens.add(LinkageToken.newBuilder().setKind(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS).setKeyId(keyId)
                    .setValue(value).build());
        }
        return tokens;
    }
}
