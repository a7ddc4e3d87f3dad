package org.goldenthread.federation.linkage;

/**
 * NHS number rules: ten digits, the last a modulus-11 check digit over the first nine with
 * weights 10..2 (NHS Data Dictionary, "NHS Number"). A remainder giving check 10 is never issued.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** Digits only, with spaces and hyphens removed; throws when not a valid NHS number. */
    public static String normalise(String raw, String field) {
        String digits = raw.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            throw new InvalidIdentifierException(field, "an NHS number has exactly 10 digits");
        }
        if (!hasValidCheckDigit(digits)) {
            throw new InvalidIdentifierException(field, "the NHS number's check digit is wrong");
        }
        return digits;
    }

    static boolean hasValidCheckDigit(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
