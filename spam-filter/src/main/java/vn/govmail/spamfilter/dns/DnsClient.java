package vn.govmail.spamfilter.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The filter's DNS: every lookup (DNSBL, rDNS, DMARC, and through {@link #resolver()} SPF and DKIM) goes
 * to one dnsjava resolver, which can be pointed at a local stub ({@code spam.dns.server}/{@code spam.dns.port}).
 * No cache here: the stub or the site resolver caches.
 */
public final class DnsClient {
    /**
     * dnsjava completes every query on {@code ForkJoinPool.commonPool()} unless told otherwise. That pool is
     * shared with the rest of the JVM (one thread on a 2-core machine): inside the mail server our lookups
     * timed out although the local stub answered them (SpamFilterIT), and answered once they completed on
     * threads of their own.
     */
    private static final Executor COMPLETIONS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "spam-dns");
        thread.setDaemon(true);
        return thread;
    });

    private final Resolver resolver;

    public DnsClient(Resolver resolver) {
        this.resolver = resolver;
    }

    /** A resolver for host:port, or the system's resolvers when host is empty. */
    public static DnsClient create(String host, int port, Duration timeout) {
        try {
            Resolver resolver;
            if (host == null || host.isBlank()) {
                resolver = new ExtendedResolver() {
                    @Override
                    public CompletionStage<Message> sendAsync(Message query) {
                        return sendAsync(query, COMPLETIONS);
                    }
                };
            } else {
                SimpleResolver simple = new SimpleResolver(InetAddress.getByName(host)) {
                    @Override
                    public CompletionStage<Message> sendAsync(Message query) {
                        return sendAsync(query, COMPLETIONS);
                    }
                };
                simple.setPort(port);
                resolver = simple;
            }
            resolver.setTimeout(timeout);
            return new DnsClient(resolver);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad DNS server " + host, e);
        }
    }

    public Resolver resolver() {
        return resolver;
    }

    public List<String> txt(String name) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Record record : query(name, Type.TXT)) {
            if (record instanceof TXTRecord txt) {
                texts.add(String.join("", txt.getStrings()));
            }
        }
        return texts;
    }

    public List<String> a(String name) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (Record record : query(name, Type.A)) {
            if (record instanceof ARecord a) {
                addresses.add(a.getAddress().getHostAddress());
            }
        }
        return addresses;
    }

    public List<String> ptr(String ip) throws IOException {
        List<String> names = new ArrayList<>();
        for (Record record : query(ReverseMap.fromAddress(ip).toString(), Type.PTR)) {
            if (record instanceof PTRRecord ptr) {
                names.add(ptr.getTarget().toString(true).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    /** The answer records; empty for NXDOMAIN or no data; IOException for timeouts and server failures. */
    private List<Record> query(String name, int type) throws IOException {
        Name qname;
        try {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return List.of();
        }
        Message response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw new IOException("DNS " + Rcode.string(rcode) + " for " + name);
        }
        return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }
}
