package org.goldenthread.consent.isa;

import java.time.Instant;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.Purpose;

/**
 * What an agreement says, validated at the edge: the part a revision replaces.
 *
 * @param recipients agencies that may receive the source agency's data; never empty
 * @param purposes purposes the sharing is for; never empty (UK GDPR art. 5(1)(b): specified purposes)
 * @param categories categories shared; empty = every category that is not special category data
 * @param end null when open-ended
 */
public record AgreementTerms(String title, Set<String> recipients, Set<Purpose> purposes,
        Set<DataCategory> categories, Instant start, Instant end, SignOff signOff) {

    public AgreementTerms {
        recipients = Set.copyOf(recipients);
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
    }
}
