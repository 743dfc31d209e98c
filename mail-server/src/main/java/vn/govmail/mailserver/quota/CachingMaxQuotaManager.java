package vn.govmail.mailserver.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.govmail.mailserver.cache.ExpiringAnswers;

/**
 * The quota limits (user, domain and global, for storage and message count) with the per-user answers kept for
 * a short while. James reads all six limits, each a JPA query, every time it computes a user's quota: at RCPT
 * (our policy hook), before the append, and after it (quota warnings) — about eighteen queries a message for
 * values that only an administrator changes.
 *
 * <p>Any change made through this manager (user, domain or global limit) forgets every remembered answer, so
 * it applies to the next message; a change made by another server on a shared database is seen after
 * {@link #DEFAULT_TIME_TO_LIVE} at most. Usage (the current quota) is never cached.
 */
public final class CachingMaxQuotaManager implements MaxQuotaManager {
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);

    private final MaxQuotaManager delegate;
    /** More distinct quota roots than this within the time to live and the cache starts over. */
    private static final int MAX_ENTRIES = 20_000;

    private final ExpiringAnswers<QuotaRoot, Map<Quota.Scope, QuotaCountLimit>> countLimits;
    private final ExpiringAnswers<QuotaRoot, Map<Quota.Scope, QuotaSizeLimit>> sizeLimits;

    public CachingMaxQuotaManager(MaxQuotaManager delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.countLimits = new ExpiringAnswers<>(timeToLive, clock, MAX_ENTRIES);
        this.sizeLimits = new ExpiringAnswers<>(timeToLive, clock, MAX_ENTRIES);
    }

    @Override
    public Map<Quota.Scope, QuotaCountLimit> listMaxMessagesDetails(QuotaRoot quotaRoot) {
        return cached(countLimits, quotaRoot, () -> delegate.listMaxMessagesDetails(quotaRoot));
    }

    @Override
    public Map<Quota.Scope, QuotaSizeLimit> listMaxStorageDetails(QuotaRoot quotaRoot) {
        return cached(sizeLimits, quotaRoot, () -> delegate.listMaxStorageDetails(quotaRoot));
    }

    @Override
    public Publisher<Map<Quota.Scope, QuotaCountLimit>> listMaxMessagesDetailsReactive(QuotaRoot quotaRoot) {
        return reactive(countLimits, quotaRoot, () -> listMaxMessagesDetails(quotaRoot));
    }

    @Override
    public Publisher<Map<Quota.Scope, QuotaSizeLimit>> listMaxStorageDetailsReactive(QuotaRoot quotaRoot) {
        return reactive(sizeLimits, quotaRoot, () -> listMaxStorageDetails(quotaRoot));
    }

    @Override
    public QuotaDetails quotaDetails(QuotaRoot quotaRoot) {
        return new QuotaDetails(listMaxMessagesDetails(quotaRoot), listMaxStorageDetails(quotaRoot));
    }

    @Override
    public Publisher<QuotaDetails> quotaDetailsReactive(QuotaRoot quotaRoot) {
        return Mono.zip(Mono.from(listMaxMessagesDetailsReactive(quotaRoot)), Mono.from(listMaxStorageDetailsReactive(quotaRoot)))
            .map(limits -> new QuotaDetails(limits.getT1(), limits.getT2()));
    }

    /** A remembered answer at once; otherwise the JPA read, off the caller's (possibly non-blocking) thread. */
    private <T> Mono<T> reactive(ExpiringAnswers<QuotaRoot, T> cache, QuotaRoot quotaRoot, Supplier<T> read) {
        return cache.remembered(quotaRoot).map(Mono::just)
            .orElseGet(() -> Mono.fromSupplier(read).subscribeOn(Schedulers.boundedElastic()));
    }

    private <T> T cached(ExpiringAnswers<QuotaRoot, T> cache, QuotaRoot quotaRoot, Supplier<T> read) {
        return cache.get(quotaRoot, read::get);
    }

    private void forgetAll() {
        countLimits.forget();
        sizeLimits.forget();
    }

    private interface Change {
        void run() throws MailboxException;
    }

    private void change(Change change) throws MailboxException {
        try {
            change.run();
        } finally {
            forgetAll();
        }
    }

    private Publisher<Void> changeReactive(Publisher<Void> change) {
        return Mono.from(change).doFinally(signal -> forgetAll());
    }

    @Override
    public void setMaxStorage(QuotaRoot quotaRoot, QuotaSizeLimit maxStorageQuota) throws MailboxException {
        change(() -> delegate.setMaxStorage(quotaRoot, maxStorageQuota));
    }

    @Override
    public Publisher<Void> setMaxStorageReactive(QuotaRoot quotaRoot, QuotaSizeLimit maxStorageQuota) {
        return changeReactive(delegate.setMaxStorageReactive(quotaRoot, maxStorageQuota));
    }

    @Override
    public void setMaxMessage(QuotaRoot quotaRoot, QuotaCountLimit maxMessageCount) throws MailboxException {
        change(() -> delegate.setMaxMessage(quotaRoot, maxMessageCount));
    }

    @Override
    public Publisher<Void> setMaxMessageReactive(QuotaRoot quotaRoot, QuotaCountLimit maxMessageCount) {
        return changeReactive(delegate.setMaxMessageReactive(quotaRoot, maxMessageCount));
    }

    @Override
    public void removeMaxMessage(QuotaRoot quotaRoot) throws MailboxException {
        change(() -> delegate.removeMaxMessage(quotaRoot));
    }

    @Override
    public Publisher<Void> removeMaxMessageReactive(QuotaRoot quotaRoot) {
        return changeReactive(delegate.removeMaxMessageReactive(quotaRoot));
    }

    @Override
    public void removeMaxStorage(QuotaRoot quotaRoot) throws MailboxException {
        change(() -> delegate.removeMaxStorage(quotaRoot));
    }

    @Override
    public Publisher<Void> removeMaxStorageReactive(QuotaRoot quotaRoot) {
        return changeReactive(delegate.removeMaxStorageReactive(quotaRoot));
    }

    @Override
    public void setGlobalMaxStorage(QuotaSizeLimit globalMaxStorage) throws MailboxException {
        change(() -> delegate.setGlobalMaxStorage(globalMaxStorage));
    }

    @Override
    public Publisher<Void> setGlobalMaxStorageReactive(QuotaSizeLimit globalMaxStorage) {
        return changeReactive(delegate.setGlobalMaxStorageReactive(globalMaxStorage));
    }

    @Override
    public void removeGlobalMaxStorage() throws MailboxException {
        change(delegate::removeGlobalMaxStorage);
    }

    @Override
    public Publisher<Void> removeGlobalMaxStorageReactive() {
        return changeReactive(delegate.removeGlobalMaxStorageReactive());
    }

    @Override
    public void setGlobalMaxMessage(QuotaCountLimit globalMaxMessageCount) throws MailboxException {
        change(() -> delegate.setGlobalMaxMessage(globalMaxMessageCount));
    }

    @Override
    public Publisher<Void> setGlobalMaxMessageReactive(QuotaCountLimit globalMaxMessageCount) {
        return changeReactive(delegate.setGlobalMaxMessageReactive(globalMaxMessageCount));
    }

    @Override
    public void removeGlobalMaxMessage() throws MailboxException {
        change(delegate::removeGlobalMaxMessage);
    }

    @Override
    public Publisher<Void> removeGlobalMaxMessageReactive() {
        return changeReactive(delegate.removeGlobalMaxMessageReactive());
    }

    @Override
    public Optional<QuotaSizeLimit> getGlobalMaxStorage() throws MailboxException {
        return delegate.getGlobalMaxStorage();
    }

    @Override
    public Publisher<QuotaSizeLimit> getGlobalMaxStorageReactive() {
        return delegate.getGlobalMaxStorageReactive();
    }

    @Override
    public Optional<QuotaCountLimit> getGlobalMaxMessage() throws MailboxException {
        return delegate.getGlobalMaxMessage();
    }

    @Override
    public Publisher<QuotaCountLimit> getGlobalMaxMessageReactive() {
        return delegate.getGlobalMaxMessageReactive();
    }

    @Override
    public Optional<QuotaCountLimit> getDomainMaxMessage(Domain domain) {
        return delegate.getDomainMaxMessage(domain);
    }

    @Override
    public Publisher<QuotaCountLimit> getDomainMaxMessageReactive(Domain domain) {
        return delegate.getDomainMaxMessageReactive(domain);
    }

    @Override
    public void setDomainMaxMessage(Domain domain, QuotaCountLimit count) throws MailboxException {
        change(() -> delegate.setDomainMaxMessage(domain, count));
    }

    @Override
    public Publisher<Void> setDomainMaxMessageReactive(Domain domain, QuotaCountLimit count) {
        return changeReactive(delegate.setDomainMaxMessageReactive(domain, count));
    }

    @Override
    public void removeDomainMaxMessage(Domain domain) throws MailboxException {
        change(() -> delegate.removeDomainMaxMessage(domain));
    }

    @Override
    public Publisher<Void> removeDomainMaxMessageReactive(Domain domain) {
        return changeReactive(delegate.removeDomainMaxMessageReactive(domain));
    }

    @Override
    public void setDomainMaxStorage(Domain domain, QuotaSizeLimit size) throws MailboxException {
        change(() -> delegate.setDomainMaxStorage(domain, size));
    }

    @Override
    public Publisher<Void> setDomainMaxStorageReactive(Domain domain, QuotaSizeLimit size) {
        return changeReactive(delegate.setDomainMaxStorageReactive(domain, size));
    }

    @Override
    public Optional<QuotaSizeLimit> getDomainMaxStorage(Domain domain) {
        return delegate.getDomainMaxStorage(domain);
    }

    @Override
    public Publisher<QuotaSizeLimit> getDomainMaxStorageReactive(Domain domain) {
        return delegate.getDomainMaxStorageReactive(domain);
    }

    @Override
    public void removeDomainMaxStorage(Domain domain) throws MailboxException {
        change(() -> delegate.removeDomainMaxStorage(domain));
    }

    @Override
    public Publisher<Void> removeDomainMaxStorageReactive(Domain domain) {
        return changeReactive(delegate.removeDomainMaxStorageReactive(domain));
    }
}
