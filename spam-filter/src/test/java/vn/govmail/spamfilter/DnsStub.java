package vn.govmail.spamfilter;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** An authoritative-only DNS server for tests, on 127.0.0.1 and an ephemeral UDP port. Unknown names get NXDOMAIN. */
public final class DnsStub implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Thread thread;

    public DnsStub() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "dns-stub");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public DnsStub txt(String name, String... texts) {
        for (String text : texts) {
            add(new TXTRecord(name(name), DClass.IN, 60, chunks(text)));
        }
        return this;
    }

    public DnsStub a(String name, String ip) throws IOException {
        add(new ARecord(name(name), DClass.IN, 60, InetAddress.getByName(ip)));
        return this;
    }

    public DnsStub ptr(String ip, String target) throws IOException {
        add(new PTRRecord(ReverseMap.fromAddress(ip), DClass.IN, 60, name(target)));
        return this;
    }

    private static List<String> chunks(String text) {
        List<String> parts = new CopyOnWriteArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return parts;
    }

    private void add(Record record) {
        records.computeIfAbsent(key(record.getName(), record.getType()), k -> new CopyOnWriteArrayList<>()).add(record);
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase() + "/" + type;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setFlag(Flags.AA);
                response.addRecord(question, Section.QUESTION);
                List<Record> answers = records.get(key(question.getName(), question.getType()));
                boolean nameExists = records.keySet().stream().anyMatch(k -> k.startsWith(question.getName().toString().toLowerCase() + "/"));
                if (answers != null) {
                    answers.forEach(answer -> response.addRecord(answer, Section.ANSWER));
                } else if (!nameExists) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                byte[] wire = response.toWire(512);
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }

}
