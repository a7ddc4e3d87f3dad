package org.goldenthread.node.subject;

/**
 * One way to reach a person. Personal data: never logged, never released over the federation.
 *
 * @param kind PHONE, EMAIL, POST or OTHER
 */
public record Contact(String kind, String value) {

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
