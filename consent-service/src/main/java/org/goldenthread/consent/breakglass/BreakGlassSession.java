package org.goldenthread.consent.breakglass;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * A break-glass permit (ARCHITECTURE.md §3, lawful basis VITAL_INTERESTS): one user of one agency
 * may receive, for SAFEGUARDING only, what a safeguarding purpose needs from the named source
 * agencies about one subject, from {@code startedAt} until {@code endsAt} (at most 60 minutes).
 * Each source agency's DPO reviews it afterwards.
 *
 * @param subjectDigest the digest of the tokens the session was opened with (for the reviewers)
 * @param categories per source, what the session releases, fixed when it opened (so the reviewing DPO sees what
 *     was open, whatever the configuration says later); a source without an entry releases nothing
 * @param justification the user's written reason, shown to the reviewing DPOs, never logged
 * @param renewalId the approved renewal this session was opened under; null for a first session
 */
public record BreakGlassSession(
        String id,
        String user,
        String agency,
        String subjectDigest,
        Set<String> sources,
        Map<String, Set<DataCategory>> categories,
        String justification,
        Instant startedAt,
        Instant endsAt,
        String renewalId) {

    public BreakGlassSession {
        sources = Set.copyOf(sources);
        categories = categories.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** What it releases from {@code source}: empty for a source it was not opened for (fail closed). */
    public Set<DataCategory> categoriesFrom(String source) {
        return categories.getOrDefault(source, Set.of());
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startedAt) && now.isBefore(endsAt);
    }

    /** Whether it was opened for {@code source} releasing to {@code recipient} (the requester's agency). */
    public boolean covers(String source, String recipient) {
        return sources.contains(source) && agency.equals(recipient);
    }
}
