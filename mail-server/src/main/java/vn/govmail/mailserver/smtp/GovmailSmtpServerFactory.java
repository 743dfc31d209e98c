package vn.govmail.mailserver.smtp;

import javax.inject.Inject;

import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.lib.handler.ProtocolHandlerLoader;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SMTPServerFactory;

/** James's SMTP server factory, making {@link GovmailSmtpServer}s (SMTP commands off the Netty event loop). */
public class GovmailSmtpServerFactory extends SMTPServerFactory {
    @Inject
    public GovmailSmtpServerFactory(DNSService dns, ProtocolHandlerLoader loader, FileSystem fileSystem, MetricFactory metricFactory) {
        super(dns, loader, fileSystem, metricFactory);
    }

    @Override
    protected SMTPServer createServer() {
        return new GovmailSmtpServer(smtpMetrics);
    }
}
