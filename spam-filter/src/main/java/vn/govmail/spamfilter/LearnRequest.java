package vn.govmail.spamfilter;

/**
 * A message a user (or an admin release) classified.
 *
 * @param raw    the RFC 5322 bytes
 * @param spam   true for spam, false for ham
 * @param domain the recipient's domain: statistics are kept per domain plus globally
 */
public record LearnRequest(byte[] raw, boolean spam, String domain) {
}
