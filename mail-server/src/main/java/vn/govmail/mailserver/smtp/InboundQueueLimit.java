package vn.govmail.mailserver.smtp;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.protocols.netty.HandlerConstants;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Flow control between a channel's event loop and its handler thread. The event loop hands every buffer it reads to the
 * handler thread's queue; while a hook blocks there, a client that keeps writing would make that queue, and the heap,
 * grow without end. This counts the buffers read but not handled yet and stops reading from the socket (auto-read off)
 * once {@link #MAX_PENDING} wait, resuming when the handler thread has brought them down to {@link #RESUME_AT}. The
 * client is then held back by TCP itself. Nothing is dropped or reordered, so pipelining and DATA are unchanged.
 */
final class InboundQueueLimit {
    static final int MAX_PENDING = 16;
    static final int RESUME_AT = 4;
    static final String COUNT_READ = "inboundQueueRead";
    static final String COUNT_HANDLED = "inboundQueueHandled";

    private final AtomicInteger pending = new AtomicInteger();
    private final Channel channel;

    private InboundQueueLimit(Channel channel) {
        this.channel = channel;
    }

    /** Puts the counting handlers around the hand-over: one on the event loop before the framer, one on its thread. */
    static InboundQueueLimit install(ChannelPipeline pipeline, EventExecutorGroup handlerGroup) {
        InboundQueueLimit limit = new InboundQueueLimit(pipeline.channel());
        pipeline.addBefore(HandlerConstants.FRAMER, COUNT_READ, limit.new Read());
        pipeline.addBefore(handlerGroup, HandlerConstants.FRAMER, COUNT_HANDLED, limit.new Handled());
        return limit;
    }

    /** Buffers read and not handled yet (for tests). */
    int pending() {
        return pending.get();
    }

    /** On the event loop: one more buffer queued for the handler thread. */
    private final class Read extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (pending.incrementAndGet() >= MAX_PENDING) {
                channel.config().setAutoRead(false);
                // the handler thread may have drained the queue before seeing auto-read off: then resume here
                if (pending.get() <= RESUME_AT) {
                    channel.config().setAutoRead(true);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** On the handler thread: the buffer was framed and its commands handled (they run in this call). */
    private final class Handled extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                ctx.fireChannelRead(msg);
            } finally {
                if (pending.decrementAndGet() <= RESUME_AT && !channel.config().isAutoRead()) {
                    channel.config().setAutoRead(true);
                }
            }
        }
    }
}
