package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.govmail.spamfilter.lists.ListEntry;

/** Allow/block lists per user, per domain and global, stored in PostgreSQL, through the route. */
class SenderListsTest {

    @Test
    void theMostSpecificListDecidesAndAForgedAllowedSenderGainsNothing() throws Exception {
        try (PostgresDatabase database = new PostgresDatabase(); DnsStub dns = new DnsStub()) {
            dns.txt("partner.example", "v=spf1 ip4:198.51.100.7 -all");
            var properties = Messages.settings(dns.port());
            properties.setProperty("spam.envelope.enabled", "false");
            properties.setProperty("spam.block.senders", "@spammer.example");
            try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), database.dataSource())) {
                filter.senderLists().add(new ListEntry("laichau.gov.vn", "@newsletter.example", false));
                filter.senderLists().add(new ListEntry("canbo@laichau.gov.vn", "tin@newsletter.example", true));
                filter.senderLists().add(new ListEntry("canbo@laichau.gov.vn", "@partner.example", true));

                assertThat(scan(filter, "198.51.100.7", "tin@newsletter.example", "canbo@laichau.gov.vn").fired("ALLOWLISTED_SENDER")).isTrue();
                assertThat(scan(filter, "198.51.100.7", "tin@newsletter.example", "khac@laichau.gov.vn").fired("BLOCKLISTED_SENDER")).isTrue();
                assertThat(scan(filter, "198.51.100.7", "x@spammer.example", "canbo@laichau.gov.vn").fired("BLOCKLISTED_SENDER")).isTrue();
                assertThat(scan(filter, "198.51.100.7", "ketoan@partner.example", "canbo@laichau.gov.vn").fired("ALLOWLISTED_SENDER")).isTrue();
                // partner.example's SPF does not allow 203.0.113.9: the allow entry is not credited
                assertThat(scan(filter, "203.0.113.9", "ketoan@partner.example", "canbo@laichau.gov.vn").fired("ALLOWLISTED_SENDER")).isFalse();
                assertThat(filter.senderLists().list("canbo@laichau.gov.vn")).hasSize(2);
            }
        }
    }

    private static Verdict scan(SpamFilter filter, String ip, String sender, String recipient) {
        return filter.scan(Messages.external(ip, "mail.x.example", sender, recipient), Messages.plain(sender, recipient, "Bản tin", "Nội dung"));
    }
}
