package vn.govmail.mailserver.smtp;

import org.apache.james.protocols.api.Protocol;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.smtpserver.netty.SMTPChannelInboundHandler;
import org.apache.james.smtpserver.netty.SmtpMetrics;

import io.netty.channel.ChannelHandlerContext;

/** James's SMTP core handler whose sessions write through {@link StartTlsOnEventLoopTransport}. */
class SmtpCoreHandler extends SMTPChannelInboundHandler {
    SmtpCoreHandler(Protocol protocol, Encryption encryption, boolean proxyRequired, SmtpMetrics metrics) {
        super(protocol, encryption, proxyRequired, metrics);
    }

    @Override
    protected ProtocolSession createSession(ChannelHandlerContext ctx) {
        return protocol.newSession(new StartTlsOnEventLoopTransport(ctx.channel(), secure, proxyRequired));
    }
}
