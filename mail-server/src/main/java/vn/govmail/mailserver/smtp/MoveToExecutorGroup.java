package vn.govmail.mailserver.smtp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Stands in the pipeline for a handler that must run on an executor group rather than on the channel's event loop:
 * James's pipeline factory adds the core handler without a group (3.8.1), so when this placeholder is added it puts
 * the real handler, under the same name, on the group instead. Netty keeps one executor of the group per channel, so
 * the channel's events stay in order. The queue between the event loop and that thread is bounded per channel
 * ({@link InboundQueueLimit}).
 */
final class MoveToExecutorGroup extends ChannelInboundHandlerAdapter {
    private final EventExecutorGroup group;
    private final ChannelHandler handler;

    MoveToExecutorGroup(EventExecutorGroup group, ChannelHandler handler) {
        this.group = group;
        this.handler = handler;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ChannelPipeline pipeline = ctx.pipeline();
        String name = ctx.name();
        pipeline.remove(this);
        pipeline.addLast(group, name, handler);
        // what the event loop reads now waits in the handler thread's queue: bound it
        InboundQueueLimit.install(pipeline, group);
    }
}
