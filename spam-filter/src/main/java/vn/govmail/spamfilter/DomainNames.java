package vn.govmail.spamfilter;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;

/** Domain name helpers: organizational domain (for DMARC alignment) and Unicode form of punycode labels. */
public final class DomainNames {
    /**
     * Public suffixes with two labels we meet here. A full Public Suffix List is not bundled; for any other
     * name the organizational domain is its last two labels.
     */
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of(
            "gov.vn", "com.vn", "net.vn", "org.vn", "edu.vn", "ac.vn", "info.vn", "name.vn", "biz.vn", "pro.vn", "health.vn", "int.vn",
            "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "ne.jp", "or.jp", "com.cn", "net.cn",
            "org.cn", "gov.cn", "com.sg", "com.my", "co.kr", "co.th", "in.th", "com.br", "co.in", "com.tw", "com.hk");

    private DomainNames() {
    }

    public static String organizational(String domain) {
        String name = normalize(domain);
        String[] labels = name.split("\\.");
        if (labels.length <= 2) {
            return name;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = TWO_LABEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder org = new StringBuilder();
        for (int i = Math.max(0, labels.length - keep); i < labels.length; i++) {
            org.append(org.isEmpty() ? "" : ".").append(labels[i]);
        }
        return org.toString();
    }

    public static String normalize(String domain) {
        String name = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Punycode labels decoded ("xn--..." → Unicode); the name unchanged when it is not valid IDN. */
    public static String unicode(String domain) {
        try {
            return IDN.toUnicode(normalize(domain), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return normalize(domain);
        }
    }

    public static boolean isSubdomainOrSelf(String name, String parent) {
        String n = normalize(name);
        String p = normalize(parent);
        return n.equals(p) || n.endsWith("." + p);
    }
}
