package org.goldenthread.consent.consent;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * One rule of a consent record (FHIR Consent.provision). Each dimension lists what it covers or says "all"
 * explicitly ({@link Scope}); nothing is "all" by omission.
 *
 * @param type permit or deny
 * @param sources agencies holding the data (FHIR actor role "source")
 * @param recipients agencies the data may go to
 * @param purposes purposes it may be used for
 * @param categories data categories covered
 */
public record Provision(
        ProvisionType type,
        Scope<String> sources,
        Scope<String> recipients,
        Scope<Purpose> purposes,
        Scope<DataCategory> categories) {

    /** As stored (and as the rule tests write them): an empty set reads as an explicit "all" ({@link Scope#stored}). */
    public Provision(ProvisionType type, Set<String> sources, Set<String> recipients, Set<Purpose> purposes,
            Set<DataCategory> categories) {
        this(type, Scope.stored(sources), Scope.stored(recipients), Scope.stored(purposes), Scope.stored(categories));
    }

    /** Whether this provision speaks about {@code source} releasing to {@code recipient} for {@code purpose}. */
    public boolean appliesTo(String source, String recipient, Purpose purpose) {
        return sources.covers(source) && recipients.covers(recipient) && purposes.covers(purpose);
    }

    /** Whether any dimension says "all": such a permit releases nothing of a source until it acknowledges it. */
    public boolean usesExplicitAll() {
        return sources.all() || recipients.all() || purposes.all() || categories.all();
    }
}
