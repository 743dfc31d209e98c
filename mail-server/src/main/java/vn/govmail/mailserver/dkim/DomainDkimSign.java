package vn.govmail.mailserver.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.mailets.CRLFOutputStream;
import org.apache.james.jdkim.mailets.HeaderSkippingOutputStream;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Signs outgoing mail with the DKIM key of the sender's domain (relaxed/relaxed, rsa-sha256). Domains
 * without a key ({@code govmail dkim generate DOMAIN} creates one) are sent unsigned.
 */
public class DomainDkimSign extends GenericMailet {
    private static final String SIGNED_HEADERS = "from:to:cc:subject:date:message-id:mime-version:content-type:"
        + "content-transfer-encoding:reply-to:in-reply-to:references";

    private final DkimKeyStore keys;

    @Inject
    public DomainDkimSign(DkimKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<DkimKey> key = mail.getMaybeSender().asOptional()
            .map(MailAddress::getDomain)
            .flatMap(domain -> keys.find(domain.asString()));
        if (key.isPresent()) {
            sign(mail.getMessage(), key.get());
        }
    }

    private void sign(MimeMessage message, DkimKey key) throws MessagingException {
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
            + "; h=" + SIGNED_HEADERS + "; bh=; b=;";
        DKIMSigner signer = new DKIMSigner(template, key.privateKey());
        try {
            SignatureRecord record = signer.newSignatureRecordTemplate(template);
            BodyHasher bodyHasher = signer.newBodyHasher(record);
            try (OutputStream body = new CRLFOutputStream(new HeaderSkippingOutputStream(bodyHasher.getOutputStream()))) {
                message.writeTo(body);
            } catch (IOException e) {
                throw new MessagingException("Cannot compute the DKIM body hash: " + e.getMessage(), e);
            }
            prependHeader(message, signer.sign(new MessageHeaderLines(message), bodyHasher));
        } catch (PermFailException e) {
            throw new MessagingException("DKIM signing failed for " + key.domain() + ": " + e.getMessage(), e);
        }
    }

    /** JavaMail can only append headers; DKIM-Signature belongs on top, so the others are re-added after it. */
    private static void prependHeader(MimeMessage message, String headerLine) throws MessagingException {
        List<String> existing = Collections.list(message.getAllHeaderLines());
        for (Header header : Collections.list(message.getAllHeaders())) {
            message.removeHeader(header.getName());
        }
        message.addHeaderLine(headerLine);
        for (String line : existing) {
            message.addHeaderLine(line);
        }
    }

    @Override
    public String getMailetInfo() {
        return "govmail per-domain DKIM signer";
    }
}
