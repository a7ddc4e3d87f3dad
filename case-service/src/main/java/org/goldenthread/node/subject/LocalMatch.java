package org.goldenthread.node.subject;

import java.util.List;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;

/**
 * A local person some request tokens matched.
 *
 * @param kinds the kinds of token that matched
 * @param strength the best strength among them
 */
public record LocalMatch(Subject subject, List<LinkageTokenKind> kinds, MatchStrength strength) {

    public LocalMatch {
        kinds = List.copyOf(kinds);
    }

    public boolean atLeast(MatchStrength minimum) {
        return strength.getNumber() >= minimum.getNumber();
    }
}
