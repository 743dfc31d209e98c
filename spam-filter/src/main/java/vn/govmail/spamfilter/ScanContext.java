package vn.govmail.spamfilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything one scan knows: the input, the rules fired so far and the authentication results for
 * {@code Authentication-Results}. Carried as the body of the Camel exchange through the route.
 */
public final class ScanContext {
    private final SmtpEnvelope envelope;
    private final byte[] raw;
    private final Set<String> localDomains;
    private ParsedMessage parsed;
    private final List<RuleHit> hits = new ArrayList<>();
    private final List<String> noOpinion = new ArrayList<>();
    private final List<String> authResults = new ArrayList<>();
    private String spfResult = "none";
    private final List<String> dkimPassDomains = new ArrayList<>();
    private boolean dkimSigned;
    private boolean allowListed;

    public ScanContext(SmtpEnvelope envelope, byte[] raw, Set<String> localDomains) {
        this.envelope = envelope;
        this.raw = raw;
        this.localDomains = localDomains;
    }

    public SmtpEnvelope envelope() {
        return envelope;
    }

    public byte[] raw() {
        return raw;
    }

    /** Parsed on first use, shared by the steps that need the MIME structure. */
    public synchronized ParsedMessage message() {
        if (parsed == null) {
            try {
                parsed = ParsedMessage.parse(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parsed;
    }

    public boolean isLocalDomain(String domain) {
        return domain != null && localDomains.contains(domain.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Authenticated mail between our own domains is trusted: reputation steps (DNS lists, SPF/DKIM/DMARC,
     * content and statistics) are skipped, malware checks are not.
     */
    public boolean reputationApplies() {
        return !(envelope.authenticated() && isLocalDomain(envelope.mailFromDomain()));
    }

    public synchronized void hit(RuleHit hit) {
        hits.add(hit);
    }

    public synchronized List<RuleHit> hits() {
        return List.copyOf(hits);
    }

    public synchronized double score() {
        return hits.stream().mapToDouble(RuleHit::score).sum();
    }

    public synchronized void noOpinion(String step) {
        noOpinion.add(step);
    }

    public synchronized List<String> noOpinionSteps() {
        return List.copyOf(noOpinion);
    }

    /** One method result for Authentication-Results, e.g. {@code spf=pass smtp.mailfrom=a.vn}. */
    public synchronized void authResult(String result) {
        authResults.add(result);
    }

    public synchronized List<String> authResults() {
        return List.copyOf(authResults);
    }

    public synchronized String spfResult() {
        return spfResult;
    }

    public synchronized void spfResult(String result) {
        spfResult = result;
    }

    public synchronized List<String> dkimPassDomains() {
        return List.copyOf(dkimPassDomains);
    }

    public synchronized void dkimPass(String domain) {
        dkimPassDomains.add(domain.toLowerCase(java.util.Locale.ROOT));
    }

    public synchronized boolean dkimSigned() {
        return dkimSigned;
    }

    public synchronized void dkimSigned(boolean signed) {
        dkimSigned = signed;
    }

    public synchronized boolean allowListed() {
        return allowListed;
    }

    public synchronized void allowListed(boolean value) {
        allowListed = value;
    }
}
