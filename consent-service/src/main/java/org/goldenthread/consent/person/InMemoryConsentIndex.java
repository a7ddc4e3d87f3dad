package org.goldenthread.consent.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * Consent records held in memory, filed by token as the store files them. For property tests and
 * simulations that exercise {@link ConsentResolver} without a database (here and in the launcher's
 * cross-service properties); the service itself reads {@link StoredConsentIndex}.
 */
public final class InMemoryConsentIndex implements ConsentIndex {

    private final Map<String, FiledConsent> byId = new LinkedHashMap<>();
    private final Map<LinkageToken, Set<String>> byToken = new HashMap<>();

    public InMemoryConsentIndex(Collection<FiledConsent> records) {
        records.forEach(this::add);
    }

    /** Files a record (a later one with the same id replaces it, as a revision does). */
    public void add(FiledConsent filed) {
        byId.put(filed.record().id(), filed);
        filed.tokens().forEach(t -> byToken.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(filed.record().id()));
    }

    @Override
    public Set<String> idsHolding(Collection<LinkageToken> tokens) {
        Set<String> ids = new LinkedHashSet<>();
        tokens.forEach(t -> ids.addAll(byToken.getOrDefault(t, Set.of())));
        return ids;
    }

    @Override
    public List<FiledConsent> load(Collection<String> ids) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
