package org.goldenthread.consent.fhir;

import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.consent.consent.Provision;
import org.goldenthread.consent.consent.ProvisionType;
import org.goldenthread.consent.consent.Scope;
import org.goldenthread.federation.Vocabulary;

/**
 * A provision in words, as a reviewer reads it: "PERMIT: ALL agencies (said explicitly) sharing with council, for
 * CASE_MANAGEMENT, ALL data categories (said explicitly)". Used by every view and by the FHIR export, so an
 * explicit "all" is never mistaken for a list.
 */
public final class ProvisionText {

    private ProvisionText() {
    }

    public static String of(Provision p) {
        return p.type().name() + ": "
                + words(p.sources(), Function.identity(), "agencies") + " sharing with "
                + words(p.recipients(), Function.identity(), "agencies") + ", for "
                + words(p.purposes(), Vocabulary::name, "purposes") + ", "
                + words(p.categories(), Vocabulary::name, "data categories")
                + (p.type() == ProvisionType.DENY ? " (denied)" : "");
    }

    private static <T> String words(Scope<T> scope, Function<T, String> name, String what) {
        return scope.all() ? "ALL " + what + " (said explicitly)"
                : scope.values().stream().map(name).sorted().collect(Collectors.joining(", "));
    }
}
