package org.goldenthread.node.web;

import java.util.List;
import org.goldenthread.node.subject.Subject;

/** A person as the agency's own staff see it (never sent over the federation). */
record SubjectView(
        String ref,
        String id,
        String familyName,
        String givenName,
        String dateOfBirth,
        String nhsNumber,
        String nationalInsuranceNumber,
        String postcode,
        List<String> previousNames,
        String gender,
        List<AddressView> addresses,
        List<ContactView> contacts,
        String recordedAt,
        String recordedBy) {

    record AddressView(String line, String postcode, String from, String to) {
    }

    record ContactView(String kind, String value) {
    }

    static SubjectView of(Subject s) {
        var d = s.details();
        return new SubjectView(s.ref(), s.id(), d.familyName(), d.givenName(),
                d.dateOfBirth() == null ? null : d.dateOfBirth().toString(), d.nhsNumber(),
                d.nationalInsuranceNumber(), d.postcode(), d.previousNames(), d.gender(),
                d.addresses().stream().map(a -> new AddressView(a.line(), a.postcode(),
                        a.from() == null ? null : a.from().toString(), a.to() == null ? null : a.to().toString())).toList(),
                d.contacts().stream().map(c -> new ContactView(c.kind(), c.value())).toList(),
                s.recordedAt().toString(), s.recordedBy());
    }

    @Override
    public String toString() {
        return "SubjectView[redacted]";
    }
}
