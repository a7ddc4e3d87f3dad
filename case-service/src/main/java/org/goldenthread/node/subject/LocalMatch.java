package org.goldenthread.node.subject;

import java.util.List;
import org.goldenthread.proto.common.v1.LinkageTokenKind;
import org.goldenthread.proto.common.v1.MatchStrength;

/**
 * A local person some request tokens matched.
 *
 * @param kinds the kinds of token in common
 * @param strength EXACT or STRONG for the one person selected, POSSIBLE for a possible match (and
 *     for a possible match the user confirmed)
 */
public record LocalMatch(Subject subject, List<LinkageTokenKind> kinds, MatchStrength strength) {

    public LocalMatch {
        kinds = List.copyOf(kinds);
    }

    public boolean atLeast(MatchStrength minimum) {
        return strength.getNumber() >= minimum.getNumber();
    }
}
