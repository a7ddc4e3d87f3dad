package org.goldenthread.federation.linkage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;

/**
 * Computes linkage tokens (ARCHITECTURE.md §2): HMAC-SHA256 with the federation's linkage key
 * over normalised identifiers, one token per kind the identifiers allow. Every node and the
 * gateway compute them the same way, so the same person yields the same tokens everywhere
 * without any central index.
 */
public final class LinkageTokens {

    private static final String HMAC = "HmacSHA256";
    private static final DoubleMetaphone PHONETIC = new DoubleMetaphone();

    private final LinkageKey key;

    public LinkageTokens(LinkageKey key) {
        this.key = key;
    }

    public String keyId() {
        return key.keyId();
    }

    /**
     * Tokens for every kind the identifiers support. Throws {@link InvalidIdentifierException}
     * for a present but invalid identifier, so a typo never silently links nobody.
     */
    public List<LinkageToken> tokensFor(PersonIdentifiers person) {
        List<LinkageToken> tokens = new ArrayList<>(4);
        if (present(person.nhsNumber())) {
            tokens.add(token(LinkageTokenKind.LINKAGE_TOKEN_KIND_NHS,
                    NhsNumber.normalise(person.nhsNumber(), "nhsNumber")));
        }
        if (present(person.nationalInsuranceNumber())) {
            tokens.add(token(LinkageTokenKind.LINKAGE_TOKEN_KIND_NINO,
                    NationalInsuranceNumber.normalise(person.nationalInsuranceNumber(), "nationalInsuranceNumber")));
        }
        String family = name(person.familyName());
        String given = name(person.givenName());
        if (person.dateOfBirth() != null && !family.isEmpty() && !given.isEmpty()) {
            String dob = person.dateOfBirth().toString();
            tokens.add(token(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB, family + "|" + given + "|" + dob));
            String district = postcodeDistrict(person.postcode());
            if (!district.isEmpty()) {
                String phonetic = PHONETIC.doubleMetaphone(family);
                tokens.add(token(LinkageTokenKind.LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA,
                        phonetic + "|" + given.charAt(0) + "|" + dob + "|" + district));
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * The name tokens (NAME_DOB, FUZZY_NAME_DOB_AREA) normalisation version 1 gave, where they differ from
     * today's: for finding records stored before version 2 (a deny must still apply), never for matching.
     */
    public List<LinkageToken> legacyTokensFor(PersonIdentifiers person) {
        String family = NameNormaliser.legacy(person.familyName());
        String given = NameNormaliser.legacy(person.givenName());
        if (person.dateOfBirth() == null || family.isEmpty() || given.isEmpty()
                || family.equals(name(person.familyName())) && given.equals(name(person.givenName()))) {
            return List.of();
        }
        return List.of(token(LinkageTokenKind.LINKAGE_TOKEN_KIND_NAME_DOB,
                family + "|" + given + "|" + person.dateOfBirth()));
    }

    /** The strength a match on a token of this kind gives. */
    public static MatchStrength strengthOf(LinkageTokenKind kind) {
        return switch (kind) {
            case LINKAGE_TOKEN_KIND_NHS, LINKAGE_TOKEN_KIND_NINO -> MatchStrength.MATCH_STRENGTH_EXACT;
            case LINKAGE_TOKEN_KIND_NAME_DOB -> MatchStrength.MATCH_STRENGTH_STRONG;
            case LINKAGE_TOKEN_KIND_FUZZY_NAME_DOB_AREA -> MatchStrength.MATCH_STRENGTH_POSSIBLE;
            default -> MatchStrength.MATCH_STRENGTH_UNSPECIFIED;
        };
    }

    private LinkageToken token(LinkageTokenKind kind, String normalised) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.secret(), HMAC));
            // The kind is part of the MAC input so equal strings of different kinds never collide.
            mac.update(kind.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
            return LinkageToken.newBuilder()
                    .setKind(kind)
                    .setKeyId(key.keyId())
                    .setValue(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The name as tokens see it ({@link NameNormaliser}). */
    static String name(String raw) {
        return NameNormaliser.normalise(raw);
    }

    /** The outward code of a UK postcode ("LS6 2AB" → "LS6"), or empty. */
    static String postcodeDistrict(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String compact = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("[A-Z]{1,2}\\d[A-Z\\d]?\\d[A-Z]{2}")) {
            throw new InvalidIdentifierException("postcode", "not a UK postcode");
        }
        return compact.substring(0, compact.length() - 3);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
