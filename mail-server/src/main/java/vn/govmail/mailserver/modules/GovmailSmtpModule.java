package vn.govmail.mailserver.modules;

import org.apache.james.smtpserver.netty.SMTPServerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import vn.govmail.mailserver.smtp.GovmailSmtpServerFactory;

/** Override of James's SMTP wiring (applied with {@code overrideWith}): SMTP commands run off the Netty I/O threads. */
public class GovmailSmtpModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(GovmailSmtpServerFactory.class).in(Scopes.SINGLETON);
        bind(SMTPServerFactory.class).to(GovmailSmtpServerFactory.class);
    }
}
