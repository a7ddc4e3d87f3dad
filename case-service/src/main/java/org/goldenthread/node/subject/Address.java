package org.goldenthread.node.subject;

import java.time.LocalDate;

/**
 * Where a person lived, and when. Personal data: never logged, never released over the federation.
 *
 * @param from first day at the address; null when not known
 * @param to last day at the address; null while the person still lives there
 */
public record Address(String line, String postcode, LocalDate from, LocalDate to) {

    @Override
    public String toString() {
        return "Address[redacted]";
    }
}
