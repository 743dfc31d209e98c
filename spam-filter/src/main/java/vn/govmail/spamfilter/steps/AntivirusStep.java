package vn.govmail.spamfilter.steps;

import vn.govmail.spamfilter.Action;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.clamav.ClamdClient;

/** ClamAV: the whole raw message goes to clamd (which decodes MIME itself); a signature hit rejects. */
public final class AntivirusStep implements ScanStep {
    private final ClamdClient clamd;
    private final SpamFilterSettings settings;

    public AntivirusStep(ClamdClient clamd, SpamFilterSettings settings) {
        this.clamd = clamd;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "antivirus";
    }

    @Override
    public void apply(ScanContext context) throws Exception {
        String virus = clamd.scan(context.raw());
        if (virus != null) {
            context.hit(new RuleHit("VIRUS_FOUND", settings.score("VIRUS_FOUND"), virus, Action.REJECT));
        }
    }
}
