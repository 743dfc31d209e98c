package vn.govmail.mailserver;

import java.util.List;

import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.mailbox.MemoryDeadLetterModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.ManageSieveServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.InconsistencyQuotasSolvingRoutesModule;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.SieveRoutesModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.WebAdminServerModule;

import com.google.inject.Module;

import vn.govmail.mailserver.administrators.AdministratorsModule;
import vn.govmail.mailserver.modules.AccountLifecycleModule;
import vn.govmail.mailserver.modules.UserApiModule;
import vn.govmail.mailserver.eoffice.EofficeModule;
import vn.govmail.mailserver.modules.DurableMailQueueModule;
import vn.govmail.mailserver.modules.GovmailImapModule;
import vn.govmail.mailserver.modules.GovmailManageSieveModule;
import vn.govmail.mailserver.modules.GovmailSmtpModule;
import vn.govmail.mailserver.modules.GovmailModule;
import vn.govmail.mailserver.modules.JpaDataModule;
import vn.govmail.mailserver.modules.JpaMailboxModule;
import vn.govmail.mailserver.search.SearchWebAdminModule;

/**
 * The Guice assembly of the mail server: which James building blocks we use and which of ours replace
 * James's. The JPA and ActiveMQ wiring is ours because James 3.8.1 does not publish it.
 */
final class GovmailModules {
    /** Storage, queue, mail processing and events. */
    static final List<Module> CORE = List.of(
        new MailetProcessingModule(),
        new DefaultProcessorsConfigurationProviderModule(),
        new RawPostDequeueDecoratorModule(),
        new DurableMailQueueModule(),
        new JpaDataModule(),
        new JpaMailboxModule(),
        new MailboxModule(),
        new NaiveDelegationStoreModule(),
        new DefaultEventModule(),
        new MemoryDeadLetterModule(),
        new TaskManagerModule(),
        new GovmailModule(),
        new AccountLifecycleModule(),
        // user API for the webmail: /govmail/me/... with a user's session token
        new UserApiModule(),
        // eOffice document inbox (vn.govmail.mailserver.eoffice)
        new EofficeModule(),
        // administrators: mail accounts allowed the webmail's admin console
        new AdministratorsModule());

    /** SMTP (25, 587, 465), IMAP (143, 993) and ManageSieve. */
    static final List<Module> PROTOCOLS = List.of(
        new ProtocolHandlerModule(),
        new SMTPServerModule(),
        new IMAPServerModule(),
        new ManageSieveServerModule());

    /** WebAdmin REST on loopback. */
    static final List<Module> WEBADMIN = List.of(
        new WebAdminServerModule(),
        new NoJwtModule(),
        new DataRoutesModules(),
        new MailboxRoutesModule(),
        new InconsistencyQuotasSolvingRoutesModule(),
        new MailQueueRoutesModule(),
        new MailRepositoriesRoutesModule(),
        new SieveRoutesModule(),
        new SearchWebAdminModule());

    static final List<Module> OVERRIDES = List.of(new GovmailImapModule(), new GovmailManageSieveModule(), new GovmailSmtpModule());

    private GovmailModules() {
    }
}
