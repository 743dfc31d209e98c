package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.SearchQuery;
import org.junit.jupiter.api.Test;

class TextOnlyQueryTest {
    private final SearchQuery.Criterion bodyA = SearchQuery.bodyContains("a");
    private final SearchQuery.Criterion bodyB = SearchQuery.bodyContains("b");
    private final Map<SearchQuery.Criterion, Set<Long>> matches = new IdentityHashMap<>(Map.of(bodyA, Set.of(3L, 1L, 7L), bodyB, Set.of(7L, 9L)));
    private final Supplier<List<Long>> mailbox = () -> List.of(1L, 2L, 3L, 5L, 7L, 9L, 11L);
    private final Supplier<List<Long>> neverRead = () -> {
        throw new AssertionError("the mailbox's UID list was read although the text matches suffice");
    };

    @Test
    void aTextCriterionAnswersFromItsMatchesAloneInUidOrder() {
        assertThat(TextOnlyQuery.evaluate(List.of(bodyA), neverRead, matches)).containsExactly(uids(1, 3, 7));
        assertThat(TextOnlyQuery.evaluate(List.of(SearchQuery.or(bodyA, bodyB)), neverRead, matches)).containsExactly(uids(1, 3, 7, 9));
        assertThat(TextOnlyQuery.evaluate(List.of(bodyA, bodyB), neverRead, matches)).containsExactly(uids(7));
        // a UID set AND-ed with text still needs only the text matches
        assertThat(TextOnlyQuery.evaluate(List.of(SearchQuery.uid(new SearchQuery.UidRange[] {new SearchQuery.UidRange(MessageUid.of(2), MessageUid.of(8))}), bodyA),
            neverRead, matches)).containsExactly(uids(3, 7));
    }

    @Test
    void negationAndUidSetsAloneReadTheMailbox() {
        assertThat(TextOnlyQuery.evaluate(List.of(SearchQuery.not(bodyA)), mailbox, matches)).containsExactly(uids(2, 5, 9, 11));
        assertThat(TextOnlyQuery.evaluate(List.of(SearchQuery.or(bodyA, SearchQuery.not(bodyB))), mailbox, matches))
            .containsExactly(uids(1, 2, 3, 5, 7, 11));
        assertThat(TextOnlyQuery.evaluate(List.of(SearchQuery.all()), mailbox, matches)).containsExactly(uids(1, 2, 3, 5, 7, 9, 11));
    }

    @Test
    void needsTextOnlyWhenEveryMatchMustComeFromAText() {
        assertThat(TextOnlyQuery.needsText(List.of(bodyA))).isTrue();
        assertThat(TextOnlyQuery.needsText(List.of(SearchQuery.all(), bodyA))).isTrue();
        assertThat(TextOnlyQuery.needsText(List.of(SearchQuery.or(bodyA, bodyB)))).isTrue();
        assertThat(TextOnlyQuery.needsText(List.of(SearchQuery.or(bodyA, SearchQuery.all())))).isFalse();
        assertThat(TextOnlyQuery.needsText(List.of(SearchQuery.not(bodyA)))).isFalse();
        assertThat(TextOnlyQuery.needsText(List.of(SearchQuery.all()))).isFalse();
    }

    private static MessageUid[] uids(long... values) {
        return java.util.Arrays.stream(values).mapToObj(MessageUid::of).toArray(MessageUid[]::new);
    }
}
