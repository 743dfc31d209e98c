package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.mailbox.model.SearchQuery;
import org.junit.jupiter.api.Test;

import vn.govmail.text.VietnameseText;

class IndexedTextCriterionTest {
    private static final String HEADERS = VietnameseText.fold(String.join("\n",
        "From: Trần Thị B <tranthib@demo.gov.vn>", "Subject: Văn bản đến số 12", "X-Priority: 1"));
    private static final String BODY = VietnameseText.fold("Đề nghị xem xét báo cáo tài chính");

    @Test
    void bodyIsASubstringMatchWithAndWithoutDiacritics() {
        assertThat(matches(SearchQuery.bodyContains("bao cao tai"))).isTrue();
        assertThat(matches(SearchQuery.bodyContains("BÁO CÁO"))).isTrue();
        assertThat(matches(SearchQuery.bodyContains("áo cá"))).isTrue(); // substring inside words, as IMAP requires
        assertThat(matches(SearchQuery.bodyContains("tài chính quý"))).isFalse();
        assertThat(matches(SearchQuery.bodyContains("Văn bản"))).isFalse(); // only in a header
    }

    @Test
    void textCoversHeadersAndBody() {
        assertThat(matches(SearchQuery.mailContains("van ban den"))).isTrue();
        assertThat(matches(SearchQuery.mailContains("xem xet"))).isTrue();
    }

    @Test
    void headerCriteriaLookOnlyAtTheirHeader() {
        assertThat(matches(SearchQuery.address(SearchQuery.AddressType.From, "tran thi"))).isTrue();
        assertThat(matches(SearchQuery.address(SearchQuery.AddressType.From, "tranthib@demo"))).isTrue();
        assertThat(matches(SearchQuery.address(SearchQuery.AddressType.To, "tranthib"))).isFalse();
        assertThat(matches(SearchQuery.headerContains("Subject", "số 12"))).isTrue();
        assertThat(matches(SearchQuery.headerContains("x-priority", "1"))).isTrue();
    }

    @Test
    void criteriaTheIndexDoesNotAnswer() {
        assertThat(IndexedTextCriterion.of(SearchQuery.flagIsSet(javax.mail.Flags.Flag.SEEN))).isEmpty();
        assertThat(IndexedTextCriterion.of(SearchQuery.headerExists("Subject"))).isEmpty();
        assertThat(IndexedTextCriterion.of(SearchQuery.headerContains("Subject", ""))).isEmpty(); // James: "exists"
        assertThat(IndexedTextCriterion.of(SearchQuery.sizeGreaterThan(10))).isEmpty();
    }

    private static boolean matches(SearchQuery.Criterion criterion) {
        return IndexedTextCriterion.of(criterion).orElseThrow().matches(HEADERS, BODY);
    }
}
