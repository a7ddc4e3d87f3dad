package org.goldenthread.consent.person;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * Where {@link ConsentResolver} reads consent records: ids by linkage token, then records by id. Two
 * steps so the resolver can count what a look-up would bring before loading any of it, and never loads
 * a record twice. {@link StoredConsentIndex} reads the service's store; {@link InMemoryConsentIndex}
 * holds records in memory (property tests, simulations).
 */
public interface ConsentIndex {

    /** Ids of every record (any status) filed under any of these tokens. */
    Set<String> idsHolding(Collection<LinkageToken> tokens);

    /** The records with these ids, with their tokens; ids without a record are skipped. */
    List<FiledConsent> load(Collection<String> ids);
}
