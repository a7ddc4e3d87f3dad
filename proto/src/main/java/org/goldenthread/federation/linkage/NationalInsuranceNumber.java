package org.goldenthread.federation.linkage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * National Insurance number format (HMRC NIM39110): two prefix letters (D, F, I, Q, U, V never
 * used; O never second; BG, GB, KN, NK, NT, TN, ZZ never allocated), six digits, suffix A–D.
 */
public final class NationalInsuranceNumber {

    private static final Pattern FORMAT =
            Pattern.compile("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D]$");

    private NationalInsuranceNumber() {
    }

    /** Upper case without spaces; throws when the format is not a NINO's. */
    public static String normalise(String raw, String field) {
        String value = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException(field,
                    "a National Insurance number is two letters, six digits and a letter A-D");
        }
        return value;
    }
}
