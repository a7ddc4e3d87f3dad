package org.goldenthread.consent.consent;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * One rule of a consent record (FHIR Consent.provision). An empty set means "any".
 *
 * @param type permit or deny
 * @param sources agencies holding the data (FHIR actor role "source")
 * @param recipients agencies the data may go to
 * @param purposes purposes it may be used for
 * @param categories data categories covered
 */
public record Provision(
        ProvisionType type,
        Set<String> sources,
        Set<String> recipients,
        Set<Purpose> purposes,
        Set<DataCategory> categories) {

    public Provision {
        sources = Set.copyOf(sources);
        recipients = Set.copyOf(recipients);
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
    }

    /** Whether this provision speaks about {@code source} releasing to {@code recipient} for {@code purpose}. */
    public boolean appliesTo(String source, String recipient, Purpose purpose) {
        return (sources.isEmpty() || sources.contains(source))
                && (recipients.isEmpty() || recipients.contains(recipient))
                && (purposes.isEmpty() || purposes.contains(purpose));
    }
}
