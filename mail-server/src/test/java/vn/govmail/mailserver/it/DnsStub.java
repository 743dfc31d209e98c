package vn.govmail.mailserver.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A DNS server on a loopback address (port 53, as James's resolver cannot use another port; or an ephemeral
 * port for the spam filter's resolver, which can) that answers MX, A and TXT questions for test names and
 * NXDOMAIN for everything else: tests never ask the real DNS. Answers about some names can be held back
 * ({@link #delay}) without holding back the others: a slow DNS server for one client or one domain.
 */
final class DnsStub implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, String> mx;   // domain -> MX host
    private final Map<String, String> a;    // host -> IPv4 address
    private final Map<String, String> txt;  // name -> one TXT string (SPF records)
    private final Thread thread;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread sender = new Thread(runnable, "dns-stub-late");
        sender.setDaemon(true);
        return sender;
    });

    DnsStub(String address, Map<String, String> mx, Map<String, String> a) throws IOException {
        this(new InetSocketAddress(InetAddress.getByName(address), 53), mx, a, Map.of());
    }

    /** On 127.0.0.1 and an ephemeral port ({@link #port()}). */
    DnsStub(Map<String, String> a, Map<String, String> txt) throws IOException {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Map.of(), a, txt);
    }

    private DnsStub(InetSocketAddress bind, Map<String, String> mx, Map<String, String> a, Map<String, String> txt) throws IOException {
        this.socket = new DatagramSocket(bind);
        this.mx = mx;
        this.a = a;
        this.txt = txt;
        thread = new Thread(this::serve, "dns-stub");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers about this name (any type) only after this delay. */
    void delay(String name, Duration delay) {
        delays.put(name.toLowerCase(java.util.Locale.ROOT), delay);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                DatagramPacket reply = new DatagramPacket(answer, answer.length, packet.getSocketAddress());
                Duration delay = delays.get(query.getQuestion().getName().toString(true).toLowerCase(java.util.Locale.ROOT));
                if (delay == null) {
                    socket.send(reply);
                } else {
                    late.schedule(() -> sendQuietly(reply), delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void sendQuietly(DatagramPacket reply) {
        try {
            socket.send(reply);
        } catch (IOException e) {
            // closed meanwhile: the client times out, as with a dead server
        }
    }

    private Message answer(Message query) throws IOException {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        String name = question.getName().toString(true).toLowerCase(java.util.Locale.ROOT);
        boolean known = mx.containsKey(name) || a.containsKey(name) || txt.containsKey(name);
        if (question.getType() == Type.MX && mx.containsKey(name)) {
            response.addRecord(new MXRecord(question.getName(), DClass.IN, 60, 10, Name.fromString(mx.get(name) + ".")), Section.ANSWER);
        } else if (question.getType() == Type.A && a.containsKey(name)) {
            response.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(a.get(name))), Section.ANSWER);
        } else if (question.getType() == Type.TXT && txt.containsKey(name)) {
            response.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, txt.get(name)), Section.ANSWER);
        }
        response.getHeader().setRcode(known ? Rcode.NOERROR : Rcode.NXDOMAIN);
        return response;
    }

    @Override
    public void close() {
        late.shutdownNow();
        socket.close();
    }
}
