package org.goldenthread.gateway.federation;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence that asks a key-worker to confirm a POSSIBLE match. It says how the match was made in
 * terms of the key-worker's own identifiers ("a similar name, the same date of birth") and who to
 * check with, never what the other agency holds.
 */
final class ConfirmationPrompt {

    private ConfirmationPrompt() {
    }

    static String of(String agencyName, List<String> matchedOn, Involvement involvement) {
        List<String> facts = new ArrayList<>();
        for (String kind : matchedOn) {
            switch (kind) {
                case "FUZZY_NAME_DOB_AREA" -> facts.add("has a similar name, the same date of birth and lives in the same postcode district");
                case "NAME_DOB" -> facts.add("has the same name and date of birth");
                case "NHS" -> facts.add("has the same NHS number");
                case "NINO" -> facts.add("has the same National Insurance number");
                default -> { }
            }
        }
        String who = "A person at " + agencyName + " ";
        String match = facts.isEmpty() ? who + "may be the person you asked about" : who + String.join(" and ", facts);
        return match + ", but the match is not certain. Check with " + contact(agencyName, involvement)
                + ", then confirm to see the record.";
    }

    private static String contact(String agencyName, Involvement involvement) {
        if (involvement == null || involvement.leadWorker() == null && involvement.team() == null) {
            return "their lead worker at " + agencyName;
        }
        List<String> parts = new ArrayList<>();
        if (involvement.leadWorker() != null) {
            parts.add(involvement.leadWorker());
        }
        if (involvement.team() != null) {
            parts.add(involvement.team());
        }
        if (involvement.contact() != null) {
            parts.add(involvement.contact());
        }
        return "their lead worker (" + String.join(", ", parts) + ")";
    }
}
