package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchHitSnippetsTest {
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    @Test
    void markersBecomeRangesAndWhitespaceCollapses() {
        SearchHitSnippets.Snippet snippet = SearchHitSnippets.parse("  Đề nghị\n\n xem " + OPEN + "văn  bản" + CLOSE + " <số 12> & " + OPEN + "x" + CLOSE);
        assertThat(snippet.text()).isEqualTo("Đề nghị xem văn bản <số 12> & x");
        assertThat(snippet.highlights()).hasSize(2);
        assertThat(snippet.text().substring(snippet.highlights().get(0)[0], snippet.highlights().get(0)[1])).isEqualTo("văn bản");
        assertThat(snippet.text().substring(snippet.highlights().get(1)[0], snippet.highlights().get(1)[1])).isEqualTo("x");
        assertThat(snippet.html()).isEqualTo("Đề nghị xem <b>văn bản</b> &lt;số 12&gt; &amp; <b>x</b>");
    }

    @Test
    void longTextIsCutAndNothingIsEmpty() {
        SearchHitSnippets.Snippet snippet = SearchHitSnippets.parse("a".repeat(1000) + OPEN + "b" + CLOSE);
        assertThat(snippet.text()).hasSize(SearchHitSnippets.MAX_CHARS);
        assertThat(snippet.highlights()).isEmpty();
        assertThat(SearchHitSnippets.parse(null)).isEqualTo(SearchHitSnippets.Snippet.EMPTY);
        assertThat(SearchHitSnippets.parse(" \n ").text()).isEmpty();
    }

    @Test
    void trashJunkAndTheirSubfoldersAreLeftOutByDefault() {
        assertThat(UserMailSearch.trashOrJunk("Trash")).isTrue();
        assertThat(UserMailSearch.trashOrJunk("Junk")).isTrue();
        assertThat(UserMailSearch.trashOrJunk("Spam")).isTrue();
        assertThat(UserMailSearch.trashOrJunk("Trash.old")).isTrue();
        assertThat(UserMailSearch.trashOrJunk("INBOX")).isFalse();
        assertThat(UserMailSearch.trashOrJunk("Archive.Trash")).isFalse();
        assertThat(UserMailSearch.trashOrJunk("Trashy")).isFalse();
    }
}
