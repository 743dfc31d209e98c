package vn.govmail.mailserver.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.SearchQuery;

/**
 * The common shape of IMAP SEARCH — text criteria and UID sets combined with AND/OR/NOT, results in UID order
 * ({@code SEARCH BODY x}, {@code UID SEARCH 1:* TEXT y}) — answered from the list of UIDs alone, without reading
 * the messages' metadata rows (loading thousands of message entities is what a search would otherwise spend its
 * time on).
 */
final class TextOnlyQuery {
    private TextOnlyQuery() {
    }

    static boolean applies(SearchQuery query) {
        return onlyTextAndUids(query.getCriteria())
            && query.getSorts().stream().allMatch(sort -> sort.getSortClause() == SearchQuery.Sort.SortClause.Uid && !sort.isReverse());
    }

    private static boolean onlyTextAndUids(List<SearchQuery.Criterion> criteria) {
        for (SearchQuery.Criterion criterion : criteria) {
            boolean supported = criterion instanceof SearchQuery.ConjunctionCriterion conjunction
                ? onlyTextAndUids(conjunction.getCriteria())
                : criterion instanceof SearchQuery.UidCriterion
                    || criterion instanceof SearchQuery.AllCriterion
                    || IndexedTextCriterion.of(criterion).isPresent();
            if (!supported) {
                return false;
            }
        }
        return true;
    }

    /**
     * UIDs of the mailbox matching all {@code criteria}, ascending; text criteria from {@code textMatches} (which only
     * hold UIDs of the mailbox). The mailbox's whole UID list ({@code mailboxUids}) is read only when the query can
     * match a message that no text criterion matched (NOT, or UID sets alone): {@code SEARCH BODY x} looks at the
     * text matches only.
     */
    static List<MessageUid> evaluate(List<SearchQuery.Criterion> criteria, Supplier<? extends Collection<Long>> mailboxUids,
                                     Map<SearchQuery.Criterion, Set<Long>> textMatches) {
        Collection<Long> universe;
        if (needsText(criteria) && textMatches.size() == 1) {
            universe = textMatches.values().iterator().next();
        } else if (needsText(criteria)) {
            Set<Long> union = new HashSet<>();
            textMatches.values().forEach(union::addAll);
            universe = union;
        } else {
            universe = mailboxUids.get();
        }
        // Primitive sort and a plain loop: an answer can be most of a 100,000-message mailbox.
        long[] sorted = universe.stream().mapToLong(Long::longValue).sorted().toArray();
        List<MessageUid> answer = new ArrayList<>(sorted.length);
        for (long uid : sorted) {
            if (all(criteria, uid, textMatches)) {
                answer.add(MessageUid.of(uid));
            }
        }
        return answer;
    }

    /** Whether every message matching all {@code criteria} (an AND) is matched by some text criterion. */
    static boolean needsText(List<SearchQuery.Criterion> criteria) {
        return criteria.stream().anyMatch(TextOnlyQuery::needsText);
    }

    private static boolean needsText(SearchQuery.Criterion criterion) {
        if (criterion instanceof SearchQuery.ConjunctionCriterion conjunction) {
            return switch (conjunction.getType()) {
                case AND -> needsText(conjunction.getCriteria());
                case OR -> !conjunction.getCriteria().isEmpty() && conjunction.getCriteria().stream().allMatch(TextOnlyQuery::needsText);
                case NOR -> false;
            };
        }
        return !(criterion instanceof SearchQuery.UidCriterion) && !(criterion instanceof SearchQuery.AllCriterion);
    }

    private static boolean all(List<SearchQuery.Criterion> criteria, long uid, Map<SearchQuery.Criterion, Set<Long>> textMatches) {
        for (SearchQuery.Criterion criterion : criteria) {
            if (!matches(criterion, uid, textMatches)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(SearchQuery.Criterion criterion, long uid, Map<SearchQuery.Criterion, Set<Long>> textMatches) {
        if (criterion instanceof SearchQuery.ConjunctionCriterion conjunction) {
            List<SearchQuery.Criterion> children = conjunction.getCriteria();
            return switch (conjunction.getType()) {
                case AND -> all(children, uid, textMatches);
                case OR -> children.stream().anyMatch(child -> matches(child, uid, textMatches));
                case NOR -> children.stream().noneMatch(child -> matches(child, uid, textMatches));
            };
        }
        if (criterion instanceof SearchQuery.UidCriterion uids) {
            return Arrays.stream(uids.getOperator().getRange()).anyMatch(range -> range.isIn(MessageUid.of(uid)));
        }
        if (criterion instanceof SearchQuery.AllCriterion) {
            return true;
        }
        return textMatches.get(criterion).contains(uid);
    }
}
