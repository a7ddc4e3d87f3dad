package org.goldenthread.node.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.node.subject.Address;
import org.goldenthread.node.subject.Contact;
import org.goldenthread.node.subject.SubjectDetails;

/**
 * {@code PUT /api/subjects/{ref}}; dateOfBirth as "YYYY-MM-DD"; previousNames are earlier family
 * names; gender FEMALE|MALE|NON_BINARY|OTHER|NOT_STATED; addresses with periods ("from"/"to" dates,
 * "to" absent while current); contacts of kind PHONE|EMAIL|POST|OTHER.
 */
record SubjectBody(
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank String dateOfBirth,
        @Size(max = 20) String nhsNumber,
        @Size(max = 20) String nationalInsuranceNumber,
        @Size(max = 10) String postcode,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> previousNames,
        String gender,
        @Size(max = 20) List<@Valid AddressBody> addresses,
        @Size(max = 10) List<@Valid ContactBody> contacts) {

    enum Gender { FEMALE, MALE, NON_BINARY, OTHER, NOT_STATED }

    enum ContactKind { PHONE, EMAIL, POST, OTHER }

    /** One address and its period. */
    record AddressBody(@NotBlank @Size(max = 300) String line, @Size(max = 10) String postcode, String from, String to) {

        @Override
        public String toString() {
            return "AddressBody[redacted]";
        }
    }

    /** One way to reach the person. */
    record ContactBody(@NotBlank String kind, @NotBlank @Size(max = 200) String value) {

        @Override
        public String toString() {
            return "ContactBody[redacted]";
        }
    }

    SubjectDetails toDetails() {
        Gender g = BodyFields.optionalOneOf(Gender.class, "gender", gender);
        return new SubjectDetails(familyName, givenName, BodyFields.pastDate("dateOfBirth", dateOfBirth),
                blankToNull(nhsNumber), blankToNull(nationalInsuranceNumber), blankToNull(postcode), previousNames,
                g == null ? null : g.name(), toAddresses(), toContacts());
    }

    private List<Address> toAddresses() {
        List<Address> out = new ArrayList<>();
        for (int i = 0; addresses != null && i < addresses.size(); i++) {
            AddressBody a = addresses.get(i);
            String field = "addresses[" + i + "]";
            LocalDate from = blankToNull(a.from()) == null ? null : BodyFields.date(field + ".from", a.from());
            LocalDate to = blankToNull(a.to()) == null ? null : BodyFields.date(field + ".to", a.to());
            if (from != null && to != null && to.isBefore(from)) {
                throw org.goldenthread.platform.web.RequestRejectedException.invalid(field + ".to", "must not be before from");
            }
            out.add(new Address(a.line(), blankToNull(a.postcode()), from, to));
        }
        return out;
    }

    private List<Contact> toContacts() {
        List<Contact> out = new ArrayList<>();
        for (int i = 0; contacts != null && i < contacts.size(); i++) {
            ContactBody c = contacts.get(i);
            out.add(new Contact(BodyFields.oneOf(ContactKind.class, "contacts[" + i + "].kind", c.kind()).name(), c.value()));
        }
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SubjectBody[redacted]";
    }
}
