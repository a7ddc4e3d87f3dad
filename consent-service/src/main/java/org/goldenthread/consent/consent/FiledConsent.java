package org.goldenthread.consent.consent;

import java.util.List;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * A consent record with the linkage tokens it is filed under (the subject's NHS, NINO and NAME_DOB
 * tokens as recorded). Inside the service only: tokens are pseudonymous personal data and never
 * leave it, in an answer or a log.
 */
public record FiledConsent(ConsentRecord record, List<LinkageToken> tokens) {

    public FiledConsent {
        tokens = List.copyOf(tokens);
    }

    @Override
    public String toString() {
        return "FiledConsent[" + record.id() + ", " + tokens.size() + " tokens]";
    }
}
