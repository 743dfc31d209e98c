package vn.govmail.mailserver.smtp;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SmtpMetrics;

import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * James 3.8.1's SMTP server with its command handling moved off the Netty I/O threads. In 3.8.1 the hooks (DNSBL at
 * connect, SPF at MAIL FROM, database look-ups at RCPT, the spam pipeline at end of DATA) run on the channel's event
 * loop, which also serves the other connections that share it: one slow DNS answer stalled them all. Here the core
 * handler runs on the server's handler executor group ({@code maxExecutorCount} in smtpserver.xml, James's default 16),
 * as James itself does from 3.9 (JAMES-4023). Netty pins each connection to one thread of that group, so each of the
 * 16 threads is shared by about 1/16 of the connections: a slow hook stalls the connections pinned to its thread (not
 * only its own), but no longer every connection of an I/O thread nor the reading and writing of any. STARTTLS is switched
 * on in order on the event loop ({@link StartTlsOnEventLoopTransport}), with command-injection detection kept on until
 * the TLS handler is in place ({@link StartTlsGuardedSession}).
 */
public class GovmailSmtpServer extends SMTPServer {
    private final SmtpMetrics metrics;
    private SMTPProtocol protocol;

    public GovmailSmtpServer(SmtpMetrics metrics) {
        super(metrics);
        this.metrics = metrics;
    }

    @Override
    protected void preInit() throws Exception {
        super.preInit();
        // the same protocol as James's (its field is private): this server's handler chain and configuration
        SMTPHandlerConfigurationDataImpl configuration = new SMTPHandlerConfigurationDataImpl();
        protocol = new SMTPProtocol(getProtocolHandlerChain(), configuration) {
            @Override
            public ProtocolSession newSession(ProtocolTransport transport) {
                return new StartTlsGuardedSession(configuration, transport);
            }
        };
    }

    @Override
    protected ChannelInboundHandlerAdapter createCoreHandler() {
        return new MoveToExecutorGroup(getExecutorGroup(), new SmtpCoreHandler(protocol, getEncryption(), proxyRequired, metrics));
    }
}
