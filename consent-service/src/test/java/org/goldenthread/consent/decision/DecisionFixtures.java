package org.goldenthread.consent.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.consent.breakglass.BreakGlassSession;
import org.goldenthread.consent.common.Categories;
import org.goldenthread.consent.consent.ConsentRecord;
import org.goldenthread.consent.consent.ConsentStatus;
import org.goldenthread.consent.consent.Evidence;
import org.goldenthread.consent.consent.EvidenceKind;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.isa.AgreementTerms;
import org.goldenthread.consent.isa.IsaStatus;
import org.goldenthread.consent.isa.SharingAgreement;
import org.goldenthread.consent.isa.SignOff;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/** Records as the rules see them, for the rule tests. */
final class DecisionFixtures {

    static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant END = Instant.parse("2027-11-01T00:00:00Z");

    private DecisionFixtures() {
    }

    static ConsentRecord consent(String id, ConsentStatus status, Instant start, Instant end, Provision... provisions) {
        return new ConsentRecord(id, 1, status, "digest", start, end,
                new Evidence(EvidenceKind.SIGNED_FORM, "CF-" + id, null, "v3"), List.of(provisions),
                "kw1", "council", START, null, List.of());
    }

    static SharingAgreement isa(String id, IsaStatus status, String source, Set<String> recipients, Set<Purpose> purposes,
            Set<DataCategory> categories, Instant start, Instant end) {
        return new SharingAgreement(id, 1, status, source, new AgreementTerms("ISA " + id, recipients, purposes,
                categories, start, end, new SignOff("SIRO", "Senior information risk owner", START)),
                "admin", START, null, List.of());
    }

    /** A session as the service opens it: {@code startedAt} plus the full 60 minutes, every category of each source. */
    static BreakGlassSession session(String id, String agency, Set<String> sources, Instant startedAt) {
        return session(id, agency, sources, Categories.ALL, startedAt);
    }

    /** A session releasing {@code categories} from each of its sources. */
    static BreakGlassSession session(String id, String agency, Set<String> sources, Set<DataCategory> categories,
            Instant startedAt) {
        return new BreakGlassSession(id, "sgt.police", agency, "digest", sources,
                sources.stream().collect(java.util.stream.Collectors.toMap(s -> s, s -> categories)),
                "child at immediate risk, no consent obtainable", startedAt, startedAt.plus(Duration.ofMinutes(60)), null);
    }

    static Set<DataCategory> allBut(DataCategory... excluded) {
        Set<DataCategory> all = EnumSet.copyOf(Categories.ALL);
        all.removeAll(List.of(excluded));
        return all;
    }
}
