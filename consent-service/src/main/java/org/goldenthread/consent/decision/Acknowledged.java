package org.goldenthread.consent.decision;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.goldenthread.consent.consent.ConsentRecord;

/**
 * Which (consent revision, source agency) pairs the source has acknowledged, as far as one decision needs to
 * know. Keyed by revision: a revision can widen a consent, so it needs its own acknowledgement.
 *
 * @param keys {@link #key} of each acknowledged pair
 */
public record Acknowledged(Set<String> keys) {

    public static final Acknowledged NOTHING = new Acknowledged(Set.of());

    public Acknowledged {
        keys = Set.copyOf(keys);
    }

    /** Every current revision of the records acknowledged by every one of the sources: for simulations and tests. */
    public static Acknowledged byAll(Collection<ConsentRecord> records, Collection<String> sources) {
        Set<String> keys = new HashSet<>();
        records.forEach(r -> sources.forEach(s -> keys.add(key(r.id(), r.revision(), s))));
        return new Acknowledged(keys);
    }

    public static String key(String consentId, int revision, String source) {
        return consentId + "|" + revision + "|" + source;
    }

    public boolean by(String source, ConsentRecord consent) {
        return keys.contains(key(consent.id(), consent.revision(), source));
    }
}
