package vn.govmail.mailserver.managesieve;

import org.apache.james.managesieve.api.Session;
import org.apache.james.managesieve.transcode.ManageSieveProcessor;
import org.apache.james.managesieveserver.netty.ChannelManageSieveResponseWriter;
import org.apache.james.managesieveserver.netty.ManageSieveChannelUpstreamHandler;
import org.apache.james.managesieveserver.netty.NettyConstants;
import org.apache.james.protocols.netty.Encryption;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * James's ManageSieve core handler with STARTTLS done in a race-free order, plus RFC 5804 section 2.2.
 *
 * <p>James writes "OK" and only then adds the TLS handler from its executor thread; under load the client's TLS
 * hello can be read before that handler is active and is then taken for a command line. Here the TLS handler is
 * put in place first, told to let its first write (the "OK") through in clear ({@code startTls} mode), and the
 * "OK" written after it. After a successful handshake the capabilities are sent again, as RFC 5804 requires; with
 * implicit TLS the greeting already carries them.
 */
@ChannelHandler.Sharable
final class StartTlsCapabilitiesHandler extends ManageSieveChannelUpstreamHandler {
    private static final String SSL_HANDLER = "sslHandler";
    private final ManageSieveProcessor processor;
    private final Encryption secure;
    private final boolean startTls;

    StartTlsCapabilitiesHandler(ManageSieveProcessor processor, Encryption secure, int maxLineLength) {
        super(processor, secure, maxLineLength);
        this.processor = processor;
        this.secure = secure;
        this.startTls = secure != null && secure.isStartTLS();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        Session session = ctx.channel().attr(NettyConstants.SESSION_ATTRIBUTE_KEY).get();
        if (startTls && session != null && !session.isSslEnabled() && session.getState() == Session.State.UNAUTHENTICATED
            && msg instanceof String line && line.strip().equalsIgnoreCase(ManageSieveProcessor.STARTTLS)) {
            startTls(ctx, session, line);
            return;
        }
        super.channelRead(ctx, msg);
    }

    private void startTls(ChannelHandlerContext ctx, Session session, String line) throws Exception {
        ChannelManageSieveResponseWriter writer = ctx.channel().attr(NettyConstants.RESPONSE_WRITER_ATTRIBUTE_KEY).get();
        String answer = processor.handleRequest(session, line);
        writer.resetCumulation();
        if (session.getState() == Session.State.SSL_NEGOCIATION) {
            ctx.channel().pipeline().addFirst(SSL_HANDLER, new SslHandler(secure.sslHandler().engine(), true));
            session.setSslEnabled(true);
            session.setState(Session.State.UNAUTHENTICATED);
            writer.stopDetectingCommandInjection();
        }
        writer.write(answer);
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
