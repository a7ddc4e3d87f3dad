package org.goldenthread.node.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The chain rule: {@code hash_n = hex(SHA-256(UTF-8(hash_{n-1} + canonicalJson(entry_n))))}, with
 * {@code hash_0} = 64 zeros. Changing, inserting or deleting any stored entry breaks the hash of
 * that entry or of the one after it, so {@code verify} can name the first broken sequence.
 *
 * <p>Canonical JSON of an entry: one object, no whitespace, fields in exactly this order —
 * sequence (number), at (ISO-8601 UTC instant as {@link java.time.Instant#toString()} prints it),
 * operation, outcome, grantId, requester, requesterAgency, purpose, basis (strings), categories,
 * recordIds (arrays of strings, in stored order), refusalReason, requestId, subjectDigest
 * (strings); then, each only when not empty, tokenHashes, personIds (arrays of strings), match,
 * confirmation (strings). Absent values of the first group are empty strings. prevHash and hash
 * are not part of it (prevHash is the prefix). Strings escape only {@code "}, {@code \} and control
 * characters (as {@code \\u00XX}), so any implementation can reproduce the bytes.
 *
 * <p>Why the later fields are left out when empty rather than written as {@code ""}/{@code []}:
 * entries appended before they existed must keep their hashes, so an old entry's canonical form is
 * byte for byte what it was, and a chain holding old and new entries verifies as one. Adding a
 * value to an old entry, or removing one from a new entry, still changes its form and breaks it.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha256.update(canonicalJson(entry).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static String canonicalJson(AuditEntry e) {
        StringBuilder json = new StringBuilder(256).append('{');
        json.append("\"sequence\":").append(e.sequence());
        field(json, "at", e.at().toString());
        field(json, "operation", e.operation());
        field(json, "outcome", e.outcome().name());
        field(json, "grantId", e.grantId());
        field(json, "requester", e.requester());
        field(json, "requesterAgency", e.requesterAgency());
        field(json, "purpose", e.purpose());
        field(json, "basis", e.basis());
        array(json, "categories", e.categories());
        array(json, "recordIds", e.recordIds());
        field(json, "refusalReason", e.refusalReason());
        field(json, "requestId", e.requestId());
        field(json, "subjectDigest", e.subjectDigest());
        if (!e.tokenHashes().isEmpty()) {
            array(json, "tokenHashes", e.tokenHashes());
        }
        if (!e.personIds().isEmpty()) {
            array(json, "personIds", e.personIds());
        }
        if (!e.match().isEmpty()) {
            field(json, "match", e.match());
        }
        if (!e.confirmation().isEmpty()) {
            field(json, "confirmation", e.confirmation());
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":");
        string(json, value);
    }

    private static void array(StringBuilder json, String name, List<String> values) {
        json.append(",\"").append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        json.append(']');
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
