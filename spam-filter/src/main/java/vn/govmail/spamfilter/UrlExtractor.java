package vn.govmail.spamfilter;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hosts of the links in a message: http(s) URLs in the text and href targets in the HTML. */
public final class UrlExtractor {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)(\\[[0-9a-f:.]+\\]|[\\p{L}\\p{N}._-]+)");

    private static final Pattern TRAILING_DOTS = Pattern.compile("[.]+$");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private UrlExtractor() {
    }

    public static Set<String> hosts(ParsedMessage message) {
        return message.linkHosts();
    }

    static Set<String> extract(ParsedMessage message) {
        Set<String> hosts = new LinkedHashSet<>();
        LinkFinder links = new LinkFinder(URL, message.plainText() + "\n" + message.htmlText());
        while (links.find() && hosts.size() < 200) {
            Matcher matcher = links.matcher();
            String host = TRAILING_DOTS.matcher(matcher.group(1).toLowerCase(Locale.ROOT)).replaceAll("");
            if (matcher.group().toLowerCase(Locale.ROOT).startsWith("www.")) {
                host = "www." + host;
            }
            hosts.add(host);
        }
        return hosts;
    }

    public static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.startsWith("[");
    }
}
