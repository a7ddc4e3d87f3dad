package org.goldenthread.node.audit;

import java.util.List;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * Whom a GetAccessLog call is about, as the audit log can find them.
 *
 * @param personId the local person the request selected; null when the node holds no such person
 * @param personTokens that person's stored tokens (every name they are known by); empty without a person
 * @param requestTokens the request's own tokens
 */
public record AccessLogSubject(String personId, List<LinkageToken> personTokens, List<LinkageToken> requestTokens) {

    public AccessLogSubject {
        personTokens = List.copyOf(personTokens);
        requestTokens = List.copyOf(requestTokens);
    }

    /** No local person: entries are found through the request's tokens alone. */
    public static AccessLogSubject byTokens(List<LinkageToken> requestTokens) {
        return new AccessLogSubject(null, List.of(), requestTokens);
    }
}
