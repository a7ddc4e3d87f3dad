package org.goldenthread.node.federation;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.proto.node.v1.Involvement;

/**
 * The INVOLVEMENT facts about one person (the known-to flag, DOMAIN.md): whether the agency has an
 * open case, the lead worker, team and work contact of the most recent open case whose facts may be
 * shown, and since when the agency has been involved. Nothing about what the cases are: a team name
 * can say it, so a case in a sensitive category lends its facts only to a call covering that
 * category ({@link SensitiveCategories}). Whether the agency is involved at all ({@code open_case},
 * {@code since}) is the agency-level fact consent-service decided to release, so it stays.
 */
final class KnownTo {

    private KnownTo() {
    }

    /**
     * @param cases every case of the person
     * @param factsShown the cases whose lead worker, team and contact this call may show
     */
    static Involvement of(List<CaseFile> cases, Predicate<CaseFile> factsShown) {
        List<CaseFile> open = cases.stream().filter(CaseFile::open).filter(c -> c.openedAt() != null)
                .sorted(Comparator.comparing(CaseFile::openedAt)).toList();
        Involvement.Builder involvement = Involvement.newBuilder().setOpenCase(!open.isEmpty());
        if (!open.isEmpty()) {
            involvement.setSince(RecordMapping.timestamp(open.get(0).openedAt()));
            List<CaseFile> shown = open.stream().filter(factsShown).toList();
            if (!shown.isEmpty()) {
                CaseFile latest = shown.get(shown.size() - 1);
                involvement.setLeadWorker(nonNull(latest.leadWorker()))
                        .setTeam(nonNull(latest.team()))
                        .setContact(nonNull(latest.contact()));
            }
        }
        return involvement.build();
    }

    /** The cases whose facts {@link #of} releases, for the audit log. */
    static List<String> recordIds(List<CaseFile> cases) {
        return cases.stream().filter(CaseFile::open).map(CaseFile::id).toList();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
