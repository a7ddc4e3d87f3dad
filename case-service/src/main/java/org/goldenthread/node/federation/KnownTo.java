package org.goldenthread.node.federation;

import java.util.Comparator;
import java.util.List;
import org.goldenthread.node.casework.CaseFile;
import org.goldenthread.proto.node.v1.Involvement;

/**
 * The INVOLVEMENT facts about one person (the known-to flag, DOMAIN.md): whether the agency has an
 * open case, the lead worker, team and work contact of the most recent open case, and since when
 * the agency has been involved. Nothing about what the cases are.
 */
final class KnownTo {

    private KnownTo() {
    }

    /** @param cases every case of the person */
    static Involvement of(List<CaseFile> cases) {
        List<CaseFile> open = cases.stream().filter(CaseFile::open).filter(c -> c.openedAt() != null)
                .sorted(Comparator.comparing(CaseFile::openedAt)).toList();
        Involvement.Builder involvement = Involvement.newBuilder().setOpenCase(!open.isEmpty());
        if (!open.isEmpty()) {
            CaseFile latest = open.get(open.size() - 1);
            involvement.setLeadWorker(nonNull(latest.leadWorker()))
                    .setTeam(nonNull(latest.team()))
                    .setContact(nonNull(latest.contact()))
                    .setSince(RecordMapping.timestamp(open.get(0).openedAt()));
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
