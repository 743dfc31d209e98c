package vn.govmail.spamfilter.clamav;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clamd client speaking INSTREAM (the data is sent in length-prefixed chunks, clamd answers
 * {@code stream: OK} or {@code stream: NAME FOUND}), over TCP or a Unix socket.
 */
public final class ClamdClient {
    private static final int CHUNK = 64 * 1024;
    /** Closes channels that overrun their time: SocketChannel reads have no timeout of their own on Unix sockets. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "clamd-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final SocketAddress address;
    private final Duration timeout;

    private ClamdClient(SocketAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    public static ClamdClient tcp(String host, int port, Duration timeout) {
        return new ClamdClient(new InetSocketAddress(host, port), timeout);
    }

    public static ClamdClient unixSocket(Path socket, Duration timeout) {
        return new ClamdClient(UnixDomainSocketAddress.of(socket), timeout);
    }

    /** The signature name found, or null when clean. IOException when clamd fails or answers an error. */
    public String scan(byte[] data) throws IOException {
        try (SocketChannel channel = SocketChannel.open(address)) {
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return instream(channel, data);
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private String instream(SocketChannel channel, byte[] data) throws IOException {
        write(channel, ByteBuffer.wrap("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
        for (int offset = 0; offset < data.length; offset += CHUNK) {
            int length = Math.min(CHUNK, data.length - offset);
            write(channel, ByteBuffer.allocate(4).putInt(0, length));
            write(channel, ByteBuffer.wrap(data, offset, length));
        }
        write(channel, ByteBuffer.allocate(4).putInt(0, 0));
        String reply = readReply(channel);
        if (reply.endsWith(" FOUND")) {
            return reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).trim();
        }
        if (reply.endsWith(" OK")) {
            return null;
        }
        throw new IOException("clamd: " + reply);
    }

    public boolean ping() {
        try (SocketChannel channel = SocketChannel.open(address)) {
            write(channel, ByteBuffer.wrap("zPING\0".getBytes(StandardCharsets.US_ASCII)));
            return "PONG".equals(readReply(channel));
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void write(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private String readReply(SocketChannel channel) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(512);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            reply.write(buffer.array(), 0, n);
            if (n > 0 && buffer.array()[n - 1] == 0) {
                break;
            }
        }
        return reply.toString(StandardCharsets.US_ASCII).replace("\0", "").trim();
    }
}
