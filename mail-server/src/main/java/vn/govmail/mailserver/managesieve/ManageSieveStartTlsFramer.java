package vn.govmail.mailserver.managesieve;

import org.apache.james.managesieveserver.netty.NettyConstants;
import org.apache.james.protocols.api.CommandDetectionSession;
import org.apache.james.protocols.netty.AllButStartTlsLineBasedChannelHandler;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;

/**
 * Line framer for ManageSieve that keeps James's STARTTLS command-injection guard (no plaintext pipelined after
 * STARTTLS in the same packet) but lets the session continue once TLS is on.
 *
 * <p>James 3.8.1's framer looks the session up under the channel attribute "session", which ManageSieve never sets
 * (it keeps its {@link CommandDetectionSession} under "ResponseWriter"). The framer therefore never learns that
 * TLS is active, and every frame after STARTTLS is rejected as an injection. Here the framer reads the ManageSieve
 * response writer, which the core handler switches off detection on right after it installed the TLS handler.
 */
final class ManageSieveStartTlsFramer extends AllButStartTlsLineBasedChannelHandler {
    ManageSieveStartTlsFramer(ChannelPipeline pipeline, int maxFrameLength) {
        super(pipeline, maxFrameLength, false, "starttls");
    }

    @Override
    protected CommandDetectionSession retrieveSession(ChannelHandlerContext ctx) {
        return ctx.channel().attr(NettyConstants.RESPONSE_WRITER_ATTRIBUTE_KEY).get();
    }
}
