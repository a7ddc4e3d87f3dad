package org.goldenthread.consent.person;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.goldenthread.consent.consent.ConsentStore;
import org.goldenthread.consent.consent.FiledConsent;
import org.goldenthread.consent.consent.SubjectTokens;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.springframework.stereotype.Component;

/** The service's own consent store as the resolver reads it: both steps are primary-key reads. */
@Component
public class StoredConsentIndex implements ConsentIndex {

    private final ConsentStore store;

    public StoredConsentIndex(ConsentStore store) {
        this.store = store;
    }

    @Override
    public Set<String> idsHolding(Collection<LinkageToken> tokens) {
        return store.idsHolding(SubjectTokens.keys(tokens));
    }

    @Override
    public List<FiledConsent> load(Collection<String> ids) {
        return store.load(ids);
    }
}
