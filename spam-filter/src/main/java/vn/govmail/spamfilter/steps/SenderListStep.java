package vn.govmail.spamfilter.steps;

import java.util.List;
import java.util.Optional;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.lists.SenderLists;

/**
 * Allow/block lists of the first recipient, checked against MAIL FROM and the From address.
 * A block scores at once; an allow is only remembered here and credited by the verdict if SPF and DMARC
 * did not fail, so a forged allowlisted address gains nothing.
 */
public final class SenderListStep implements ScanStep {
    private final List<SenderLists> lists;
    private final SpamFilterSettings settings;

    /** @param lists consulted in order, the first that knows the sender decides (stored lists, then configured ones) */
    public SenderListStep(List<SenderLists> lists, SpamFilterSettings settings) {
        this.lists = lists;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "sender-lists";
    }

    @Override
    public void apply(ScanContext context) {
        if (context.envelope().rcptTo().isEmpty()) {
            return;
        }
        String recipient = context.envelope().rcptTo().get(0);
        String headerFrom = context.message().from() == null ? "" : context.message().from().getAddress();
        for (String sender : new String[]{context.envelope().mailFrom(), headerFrom}) {
            if (sender == null || sender.isEmpty()) {
                continue;
            }
            Optional<Boolean> decision = SenderLists.decide(lists, sender, recipient);
            if (decision.isPresent() && !decision.get()) {
                context.hit(RuleHit.of("BLOCKLISTED_SENDER", settings.score("BLOCKLISTED_SENDER"), sender + " is blocked"));
                return;
            }
            if (decision.isPresent()) {
                context.allowListed(true);
            }
        }
    }
}
