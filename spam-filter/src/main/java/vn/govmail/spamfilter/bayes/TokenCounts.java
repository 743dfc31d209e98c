package vn.govmail.spamfilter.bayes;

/** How many spam and ham messages contained a token. */
public record TokenCounts(long spam, long ham) {
    public static final TokenCounts NONE = new TokenCounts(0, 0);
}
