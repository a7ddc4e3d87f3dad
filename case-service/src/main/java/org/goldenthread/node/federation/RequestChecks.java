package org.goldenthread.node.federation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.federation.linkage.OnePerson;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.common.v1.LinkageTokenKind;

/** The shape checks of a request about a subject, before its grant is looked at. */
final class RequestChecks {

    private static final int MAX_TOKENS = 32;

    private RequestChecks() {
    }

    static void tokens(List<LinkageToken> tokens) throws FederationRefusal {
        if (tokens.isEmpty()) {
            throw FederationRefusal.invalidArgument("NO_TOKENS", "at least one linkage token is required");
        }
        if (tokens.size() > MAX_TOKENS) {
            throw FederationRefusal.invalidArgument("TOO_MANY_TOKENS", "at most " + MAX_TOKENS + " linkage tokens");
        }
        for (LinkageToken token : tokens) {
            if (token.getKind() == LinkageTokenKind.LINKAGE_TOKEN_KIND_UNSPECIFIED
                    || token.getKind() == LinkageTokenKind.UNRECOGNIZED
                    || token.getKeyId().isBlank() || token.getKeyId().length() > 64
                    || token.getValue().isBlank() || token.getValue().length() > 128) {
                throw FederationRefusal.invalidArgument("BAD_TOKEN", "a linkage token needs a known kind, a key id and a value");
            }
        }
        // One person per question: two NHS numbers (or two names with dates of birth) are two people or a mistake.
        Set<LinkageTokenKind> repeated = OnePerson.repeatedKinds(tokens);
        if (!repeated.isEmpty()) {
            throw new FederationRefusal(io.grpc.Status.Code.INVALID_ARGUMENT, "REPEATED_IDENTIFIER",
                    "the request carries more than one identifier of the same kind: ask about one person at a time",
                    null, Map.of("kinds", kindNames(repeated)));
        }
    }

    /** Kinds by their short names ("NHS", "NAME_DOB"), sorted, comma-separated: for ErrorInfo metadata. */
    static String kindNames(Collection<LinkageTokenKind> kinds) {
        return kinds.stream().map(k -> k.name().replace("LINKAGE_TOKEN_KIND_", "")).sorted().collect(Collectors.joining(","));
    }

    static void categories(List<DataCategory> asked) throws FederationRefusal {
        for (DataCategory category : asked) {
            if (category == DataCategory.DATA_CATEGORY_UNSPECIFIED || category == DataCategory.UNRECOGNIZED) {
                throw FederationRefusal.invalidArgument("BAD_CATEGORY", "categories must be known data categories");
            }
        }
    }
}
