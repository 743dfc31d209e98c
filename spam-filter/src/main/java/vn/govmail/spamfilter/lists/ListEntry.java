package vn.govmail.spamfilter.lists;

/**
 * One allow/block list line.
 *
 * @param owner   who the entry protects: a recipient address, a recipient domain, or {@code *} for everyone
 * @param pattern the sender: an address, or {@code @domain} (that domain and its subdomains)
 * @param allow   true for allow, false for block
 */
public record ListEntry(String owner, String pattern, boolean allow) {
}
