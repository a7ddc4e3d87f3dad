package org.goldenthread.consent.breakglass;

import java.time.Instant;
import java.util.Set;

/**
 * A break-glass permit (ARCHITECTURE.md §3, lawful basis VITAL_INTERESTS): one user of one agency
 * may receive, for SAFEGUARDING only, what the named source agencies hold about one subject,
 * from {@code startedAt} until {@code endsAt} (at most 60 minutes). Each source agency's DPO
 * reviews it afterwards.
 *
 * @param subjectDigest the digest of the tokens the session was opened with (for the reviewers)
 * @param justification the user's written reason, shown to the reviewing DPOs, never logged
 */
public record BreakGlassSession(
        String id,
        String user,
        String agency,
        String subjectDigest,
        Set<String> sources,
        String justification,
        Instant startedAt,
        Instant endsAt) {

    public BreakGlassSession {
        sources = Set.copyOf(sources);
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startedAt) && now.isBefore(endsAt);
    }

    /** Whether it was opened for {@code source} releasing to {@code recipient} (the requester's agency). */
    public boolean covers(String source, String recipient) {
        return sources.contains(source) && agency.equals(recipient);
    }
}
