package org.goldenthread.identity.admin;

import org.bson.Document;

/**
 * One field an administrative action changed, with its value before and after (null for none):
 * e.g. an agency's {@code grpcTarget}. Only registry fields, never personal data.
 */
public record FieldChange(String field, String from, String to) {

    Document toDocument() {
        return new Document("field", field).append("from", from).append("to", to);
    }

    static FieldChange of(Document doc) {
        return new FieldChange(doc.getString("field"), doc.getString("from"), doc.getString("to"));
    }
}
