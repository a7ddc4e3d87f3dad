package org.goldenthread.identity.agency;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.goldenthread.federation.Vocabulary;

/**
 * A member agency of the partnership and where its node is reached. Also the registry's JSON.
 *
 * @param id stable agency id, e.g. "police"; also the audience of access grants for its node
 * @param name display name
 * @param grpcTarget the node's federation endpoint, {@code host:port}; null until the node exists
 * @param restUrl the node's REST base URL (http or https); null until the node exists
 * @param certificateFingerprint SHA-256 of the node's TLS certificate (hex, colons optional); null without mTLS
 * @param categories data categories the node holds, as vocabulary short names
 * @param status whether the federation talks to the node
 * @param sensitiveCategories categories this agency marks sensitive beyond the special categories (health,
 *     substance misuse): a consent releases them only after the agency's DPO acknowledges it
 * @param involvementReveals categories that the mere fact of this agency's involvement discloses (a mental-health
 *     trust: HEALTH_MENTAL; a drug and alcohol service: SUBSTANCE_MISUSE): its known-to flag is released only where
 *     the basis also covers them
 * @throws InvalidAgencyException when a field breaks these rules
 * @throws org.goldenthread.federation.Vocabulary.UnknownTermException for a category outside the vocabulary
 */
public record Agency(String id, String name, String grpcTarget, String restUrl, String certificateFingerprint,
        List<String> categories, AgencyStatus status, List<String> sensitiveCategories,
        List<String> involvementReveals) {

    public static final String ID_PATTERN = "[a-z][a-z0-9-]{1,30}";
    public static final String GRPC_TARGET_PATTERN = "[A-Za-z0-9.-]{1,200}:[0-9]{1,5}";
    public static final String FINGERPRINT_PATTERN = "[0-9A-Fa-f]{64}|([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}";
    public static final int MAX_NAME = 200;

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern GRPC_TARGET = Pattern.compile(GRPC_TARGET_PATTERN);
    private static final Pattern FINGERPRINT = Pattern.compile(FINGERPRINT_PATTERN);

    public Agency {
        require(id != null && ID.matcher(id).matches(), "id", "must match " + ID_PATTERN);
        require(!HubOrganisation.is(id), "id", "is reserved for the hub organisation, which runs no agency node");
        require(name != null && !name.isBlank() && name.length() <= MAX_NAME, "name",
                "must be 1-" + MAX_NAME + " characters");
        name = name.strip();
        require(grpcTarget == null || GRPC_TARGET.matcher(grpcTarget).matches(), "grpcTarget", "must be host:port");
        require(restUrl == null || isHttpUrl(restUrl), "restUrl", "must be an absolute http(s) URL");
        require(certificateFingerprint == null || FINGERPRINT.matcher(certificateFingerprint).matches(),
                "certificateFingerprint", "must be a SHA-256 fingerprint in hex");
        require(status != null, "status", "must be ACTIVE or SUSPENDED");
        categories = canonical(categories);
        sensitiveCategories = canonical(sensitiveCategories);
        involvementReveals = canonical(involvementReveals);
    }

    /** An agency that marks nothing sensitive and whose involvement discloses nothing beyond itself. */
    public Agency(String id, String name, String grpcTarget, String restUrl, String certificateFingerprint,
            List<String> categories, AgencyStatus status) {
        this(id, name, grpcTarget, restUrl, certificateFingerprint, categories, status, List.of(), List.of());
    }

    /** The same registration with another status. */
    public Agency withStatus(AgencyStatus newStatus) {
        return new Agency(id, name, grpcTarget, restUrl, certificateFingerprint, categories, newStatus,
                sensitiveCategories, involvementReveals);
    }

    /** Canonical names in vocabulary order, so equal registrations read the same. */
    private static List<String> canonical(List<String> names) {
        return names == null ? List.of() : names.stream()
                .map(Vocabulary::category)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .map(Vocabulary::name)
                .toList();
    }

    private static boolean isHttpUrl(String value) {
        if (value.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new InvalidAgencyException(field, message);
        }
    }
}
