package vn.govmail.mailserver.dkim;

import java.security.PrivateKey;

/** A domain's DKIM signing key and what to publish in DNS for it. */
public record DkimKey(String domain, String selector, PrivateKey privateKey, String publicKeyBase64) {
    /** The TXT record name, e.g. {@code govmail._domainkey.laichau.gov.vn}. */
    public String dnsName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record value (RFC 6376 §3.6.1). */
    public String dnsValue() {
        return "v=DKIM1; k=rsa; p=" + publicKeyBase64;
    }
}
