package vn.govmail.mailserver.smtp;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.Encryption;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.protocols.netty.NettyProtocolTransport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;

/**
 * James's Netty transport, except that the reply to STARTTLS and the TLS handler that follows it are done in one task
 * on the channel's event loop. Written from a handler thread, as {@link GovmailSmtpServer} does, James 3.8.1's way
 * (write the reply, then insert the TLS handler) leaves a moment in which the client's first TLS bytes could be read
 * before the TLS handler is in place.
 * <p>
 * Clear-text bytes read before that task are still on their way to the framer, on the handler thread. The session
 * ({@link StartTlsGuardedSession}) keeps command-injection detection on until a task queued to the framer's thread
 * after the TLS handler's insertion runs: those bytes are framed first, with detection on, so James refuses them and
 * closes the connection; bytes read later go through the TLS handler, which refuses clear text.
 */
class StartTlsOnEventLoopTransport extends NettyProtocolTransport {
    private final Channel channel;
    private final Encryption encryption;

    StartTlsOnEventLoopTransport(Channel channel, Encryption encryption, boolean proxyRequired) {
        super(channel, encryption, proxyRequired);
        this.channel = channel;
        this.encryption = encryption;
    }

    @Override
    protected void writeToClient(byte[] bytes, ProtocolSession session, boolean startTLS) {
        if (!startTLS) {
            super.writeToClient(bytes, session, false);
            return;
        }
        StartTlsGuardedSession guarded = (StartTlsGuardedSession) session;
        guarded.tlsHandlerPending();
        EventExecutor framerThread = channel.pipeline().context(HandlerConstants.FRAMER).executor();
        channel.eventLoop().execute(() -> {
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
            channel.pipeline().addFirst(HandlerConstants.SSL_HANDLER, encryption.sslHandler());
            framerThread.execute(guarded::tlsHandlerInstalled);
        });
    }
}
