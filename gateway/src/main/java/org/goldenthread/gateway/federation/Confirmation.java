package org.goldenthread.gateway.federation;

import java.util.List;

/**
 * A POSSIBLE match the key-worker may confirm: the agency holds someone who may be the person asked
 * about, and releases nothing beyond INVOLVEMENT until a person confirms it. Nothing here reveals the
 * other agency's identifiers: only which kinds of the key-worker's own identifiers matched.
 *
 * @param ref opaque, node-issued and short-lived; send it back as {@code confirmations: [{agency, ref}]}
 *        on a later view request to see the record
 * @param matchedOn kinds of token that matched, e.g. {@code ["FUZZY_NAME_DOB_AREA"]}
 * @param involvement the agency's lead worker, team and contact when the grant covered INVOLVEMENT; else null
 * @param prompt what to do, in a sentence for the key-worker
 */
public record Confirmation(String ref, List<String> matchedOn, Involvement involvement, String prompt) {

    public Confirmation {
        matchedOn = List.copyOf(matchedOn);
    }
}
