package vn.govmail.mailserver.modules;

import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.MailboxTyper;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import vn.govmail.mailserver.imap.GovmailImapProcessor;
import vn.govmail.mailserver.imap.SpecialUseMailboxTyper;

/** Overrides of James's IMAP wiring (applied with {@code overrideWith}): our IMAP processor (CONDSTORE, consistent EXISTS, client address on AUTHENTICATE) and our folder roles. */
public class GovmailImapModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ImapProcessor.class).to(GovmailImapProcessor.class);
        bind(MailboxTyper.class).to(SpecialUseMailboxTyper.class).in(Scopes.SINGLETON);
    }
}
