package vn.govmail.mailserver.managesieve;

import org.apache.james.managesieve.api.Session;
import org.apache.james.managesieve.transcode.ManageSieveProcessor;
import org.apache.james.managesieveserver.netty.ManageSieveChannelUpstreamHandler;
import org.apache.james.managesieveserver.netty.NettyConstants;
import org.apache.james.protocols.netty.Encryption;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * James's ManageSieve core handler, plus RFC 5804 section 2.2: after a successful STARTTLS handshake the server
 * sends its capabilities again (clients such as sieve-connect and Thunderbird wait for them). With implicit TLS the
 * greeting already carries them, so they are only repeated for STARTTLS.
 */
@ChannelHandler.Sharable
final class StartTlsCapabilitiesHandler extends ManageSieveChannelUpstreamHandler {
    private final ManageSieveProcessor processor;
    private final boolean startTls;

    StartTlsCapabilitiesHandler(ManageSieveProcessor processor, Encryption secure, int maxLineLength) {
        super(processor, secure, maxLineLength);
        this.processor = processor;
        this.startTls = secure != null && secure.isStartTLS();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (startTls && event instanceof SslHandshakeCompletionEvent handshake && handshake.isSuccess()) {
            Session session = ctx.channel().attr(NettyConstants.SESSION_ATTRIBUTE_KEY).get();
            String capabilities = GovmailManageSieveProcessor.withoutStartTlsOnceEncrypted(session, processor.getAdvertisedCapabilities());
            ctx.channel().attr(NettyConstants.RESPONSE_WRITER_ATTRIBUTE_KEY).get().write(capabilities + "OK\r\n");
        }
        super.userEventTriggered(ctx, event);
    }
}
