package vn.govmail.mailserver.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.protocols.netty.HandlerConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;

/**
 * A client floods a real socket while the handler thread is blocked (as by a slow hook): the buffers waiting for that
 * thread stay within the bound because the channel stops reading, and once the thread is free every byte arrives, in
 * order, and reading resumes.
 */
class InboundQueueLimitTest {
    private static final int FLOOD_BYTES = 32 * 1024 * 1024; // well above what the kernel socket buffers can absorb

    private final NioEventLoopGroup eventLoops = new NioEventLoopGroup(1);
    private final DefaultEventExecutorGroup handlerThreads = new DefaultEventExecutorGroup(1);

    @AfterEach
    void stop() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        handlerThreads.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void aFloodWhileTheHandlerThreadIsBlockedIsHeldBackAndThenDeliveredWhole() throws Exception {
        CountDownLatch hookReleased = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicInteger maxPending = new AtomicInteger();
        AtomicReference<Channel> accepted = new AtomicReference<>();
        AtomicReference<InboundQueueLimit> limit = new AtomicReference<>();
        AtomicInteger outOfOrder = new AtomicInteger();

        Channel server = new ServerBootstrap().group(eventLoops).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(handlerThreads, HandlerConstants.FRAMER, new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                            hookReleased.await(); // a hook that blocks its thread
                            ByteBuf buffer = (ByteBuf) msg;
                            while (buffer.isReadable()) {
                                if (buffer.readByte() != (byte) (received.getAndIncrement() % 251)) {
                                    outOfOrder.incrementAndGet();
                                }
                            }
                            buffer.release();
                        }
                    });
                    limit.set(InboundQueueLimit.install(channel.pipeline(), handlerThreads));
                    channel.pipeline().addAfter(InboundQueueLimit.COUNT_READ, "probe", new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            maxPending.accumulateAndGet(limit.get().pending(), Math::max);
                            ctx.fireChannelRead(msg);
                        }
                    });
                    accepted.set(channel);
                }
            }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();

        int port = ((InetSocketAddress) server.localAddress()).getPort();
        try (Socket client = new Socket("127.0.0.1", port)) {
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = client.getOutputStream();
                    byte[] chunk = new byte[16 * 1024];
                    for (int sent = 0; sent < FLOOD_BYTES; sent += chunk.length) {
                        for (int i = 0; i < chunk.length; i++) {
                            chunk[i] = (byte) ((sent + i) % 251);
                        }
                        out.write(chunk);
                    }
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((accepted.get() == null || accepted.get().config().isAutoRead()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(accepted.get().config().isAutoRead()).as("reading paused while the handler thread is blocked").isFalse();
            Thread.sleep(300); // the client keeps writing meanwhile
            assertThat(flood).as("the client is held back by TCP").isNotDone();
            assertThat(maxPending.get()).isLessThanOrEqualTo(InboundQueueLimit.MAX_PENDING);

            hookReleased.countDown();
            flood.get(30, TimeUnit.SECONDS);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.get() < FLOOD_BYTES && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(received.get()).isEqualTo(FLOOD_BYTES);
        assertThat(outOfOrder.get()).isZero();
        assertThat(maxPending.get()).isLessThanOrEqualTo(InboundQueueLimit.MAX_PENDING);
        assertThat(limit.get().pending()).isZero();
        server.close().sync();
    }
}
