package org.goldenthread.launcher.bench;

import java.time.LocalDate;

/**
 * A synthetic person: fictional names, an NHS number with a valid check digit in the 999 range
 * (numbers issued to nobody).
 */
record Person(String nhsNumber, String familyName, String givenName, LocalDate dateOfBirth, String postcode) {

    private static final String[] FAMILY = {"Ashworth", "Brennan", "Castell", "Dawlish", "Ellery", "Fenwick", "Garside",
        "Holroyd", "Ingram", "Jessop", "Kershaw", "Lomax", "Marsden", "Nuttall", "Ormerod", "Pickles", "Quarmby",
        "Ramsden", "Sutcliffe", "Thwaite"};
    private static final String[] GIVEN = {"Alex", "Billie", "Casey", "Dana", "Eli", "Frankie", "Gabriel", "Harper",
        "Indy", "Jordan", "Kai", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sam", "Taylor"};

    /** The n-th person of the population, always the same for the same n. */
    static Person number(int n) {
        return new Person(nhsNumber(n), FAMILY[n % FAMILY.length], GIVEN[(n / FAMILY.length) % GIVEN.length] + suffix(n),
                LocalDate.of(1960 + n % 50, 1 + n % 12, 1 + n % 28), "NS" + (1 + n % 9) + " " + (1 + n % 9) + "AB");
    }

    /** Keeps names unique across the population, so name-and-date matching never merges two people. */
    private static String suffix(int n) {
        int round = n / (FAMILY.length * GIVEN.length);
        return round == 0 ? "" : "-" + (char) ('a' + round % 26) + (char) ('a' + (round / 26) % 26);
    }

    /** Sequential numbers from 999 000 000 0 on, skipping those whose check digit would be 10. */
    private static String nhsNumber(int n) {
        long base = 999_000_000L + n * 3L;
        for (long candidate = base; ; candidate++) {
            String digits = Long.toString(candidate);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits + check;
            }
        }
    }

    String json() {
        return """
                {"nhsNumber":"%s","familyName":"%s","givenName":"%s","dateOfBirth":"%s","postcode":"%s"}"""
                .formatted(nhsNumber, familyName, givenName, dateOfBirth, postcode);
    }
}
