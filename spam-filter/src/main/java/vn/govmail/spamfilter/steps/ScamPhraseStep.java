package vn.govmail.spamfilter.steps;

import java.util.List;

import vn.govmail.spamfilter.DomainNames;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;

/**
 * Vietnamese scam phrasing, matched on diacritic-folded text so that "xac thuc ngay" and "xác thực ngay"
 * are the same: fake police/identity (VNeID) notices, fake tax refunds, prizes, loans, "mailbox full".
 * Each distinct phrase adds {@code VI_SCAM_PHRASE} (at most four times). A message speaking in the name of
 * an authority from outside gov.vn and our domains adds {@code VI_AUTHORITY_CLAIM_EXTERNAL}.
 */
public final class ScamPhraseStep implements ScanStep {
    private static final List<String> PHRASE_LIST = List.of(
            "dinh danh dien tu", "xac thuc ngay", "ma otp", "so cccd|nhap cccd|chi can cccd", "se bi khoa",
            "trung thuong", "qua tri an", "chuyen phi", "phi van chuyen", "vay tieu dung|ho tro vay|vay den",
            "khong the chap", "giai ?ngan", "lai suat 0", "hoan thue", "tai khoan ngan hang", "sap day",
            "vuot dung luong", "nang cap mien phi", "dang nhap tai", "cap ?nhat (thong tin|dinh danh|tai khoan)",
            "lien he zalo|qua zalo", "may man duoc chon", "nhan qua", "thu nhap (cao|khung)", "viec nhe luong cao",
            "dau tu sinh loi", "rut tien ngay", "tien ao");
    private static final PhraseMatcher PHRASES = new PhraseMatcher(PHRASE_LIST);
    private static final PhraseMatcher AUTHORITY = new PhraseMatcher(List.of(
            "cong an", "bo cong an", "cuc thue", "chi cuc thue", "co quan thue", "vneid", "bhxh", "bao hiem xa hoi",
            "toa an", "vien kiem sat", "ubnd"));
    private static final int MAX_PHRASES = 4;

    private final SpamFilterSettings settings;

    public ScamPhraseStep(SpamFilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean inMemoryOnly() {
        return true;
    }

    @Override
    public String name() {
        return "scam-phrases";
    }

    @Override
    public void apply(ScanContext context) {
        String text = context.message().foldedText();
        int found = PHRASES.countDistinct(text, MAX_PHRASES);
        if (found > 0) {
            context.hit(RuleHit.of("VI_SCAM_PHRASE", found * settings.score("VI_SCAM_PHRASE"), found + " scam phrase(s)"));
        }
        String fromDomain = context.message().fromDomain();
        if (!fromDomain.isEmpty() && !DomainNames.isSubdomainOrSelf(fromDomain, "gov.vn") && !context.isLocalDomain(fromDomain)
                && AUTHORITY.anyIn(text)) {
            context.hit(RuleHit.of("VI_AUTHORITY_CLAIM_EXTERNAL", settings.score("VI_AUTHORITY_CLAIM_EXTERNAL"),
                    "speaks for an authority from @" + fromDomain));
        }
    }
}
