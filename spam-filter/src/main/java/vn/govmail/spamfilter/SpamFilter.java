package vn.govmail.spamfilter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.spamfilter.bayes.BayesClassifier;
import vn.govmail.spamfilter.bayes.InMemoryTokenStore;
import vn.govmail.spamfilter.bayes.JdbcTokenStore;
import vn.govmail.spamfilter.bayes.TokenCounts;
import vn.govmail.spamfilter.bayes.TokenStore;
import vn.govmail.spamfilter.bayes.Tokenizer;
import vn.govmail.spamfilter.check.DnsblChecker;
import vn.govmail.spamfilter.check.SpfChecker;
import vn.govmail.spamfilter.clamav.ClamdClient;
import vn.govmail.spamfilter.dns.DnsClient;
import vn.govmail.spamfilter.lists.InMemorySenderLists;
import vn.govmail.spamfilter.lists.JdbcSenderLists;
import vn.govmail.spamfilter.lists.ListEntry;
import vn.govmail.spamfilter.lists.SenderLists;
import vn.govmail.spamfilter.steps.AntivirusStep;
import vn.govmail.spamfilter.steps.AttachmentStep;
import vn.govmail.spamfilter.steps.BayesStep;
import vn.govmail.spamfilter.steps.DkimStep;
import vn.govmail.spamfilter.steps.DmarcStep;
import vn.govmail.spamfilter.steps.EnvelopeStep;
import vn.govmail.spamfilter.steps.GovImpersonationStep;
import vn.govmail.spamfilter.steps.HeaderRulesStep;
import vn.govmail.spamfilter.steps.ScamPhraseStep;
import vn.govmail.spamfilter.steps.SenderListStep;
import vn.govmail.spamfilter.steps.SpfStep;
import vn.govmail.spamfilter.steps.UrlRulesStep;

/**
 * The spam filter: a started Camel context with the scan and learning routes. Thread-safe; one per process.
 *
 * <pre>
 * try (SpamFilter filter = SpamFilter.start(settings, dataSource)) {
 *     Verdict verdict = filter.scan(envelope, rawBytes);
 * }
 * </pre>
 */
public final class SpamFilter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpamFilter.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ExecutorService stepExecutor;
    private final SpamFilterSettings settings;
    private final StepStatistics statistics;
    private final BayesClassifier classifier;
    private final Tokenizer tokenizer;
    /** stored (PostgreSQL) lists first, then the ones from the properties */
    private final List<SenderLists> senderLists;
    private final TokenStore tokenStore;
    private final Supplier<Set<String>> localDomains;
    private final SmtpChecks smtpChecks;

    private SpamFilter(CamelContext camel, ExecutorService stepExecutor, SpamFilterSettings settings,
                       StepStatistics statistics, BayesClassifier classifier, Tokenizer tokenizer, List<SenderLists> senderLists,
                       TokenStore tokenStore, Supplier<Set<String>> localDomains, SmtpChecks smtpChecks) {
        this.smtpChecks = smtpChecks;
        this.tokenStore = tokenStore;
        this.localDomains = localDomains;
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.stepExecutor = stepExecutor;
        this.settings = settings;
        this.statistics = statistics;
        this.classifier = classifier;
        this.tokenizer = tokenizer;
        this.senderLists = senderLists;
    }

    /**
     * Builds the steps from the settings and starts the routes.
     *
     * @param dataSource PostgreSQL for token statistics and sender lists; null keeps both in memory
     */
    public static SpamFilter start(SpamFilterSettings settings, DataSource dataSource) {
        return start(settings, dataSource, Set::of);
    }

    /**
     * @param localDomains our hosted domains (besides {@code spam.local.domains}), asked at every scan: a
     *                     mail server passes its live domain list
     */
    public static SpamFilter start(SpamFilterSettings settings, DataSource dataSource, Supplier<Set<String>> localDomains) {
        DnsClient dns = DnsClient.create(settings.get("spam.dns.server", ""), settings.integer("spam.dns.port", 53),
                Duration.ofMillis(settings.integer("spam.dns.timeout.ms", 1500)));
        TokenStore tokens = dataSource == null ? new InMemoryTokenStore() : new JdbcTokenStore(dataSource);
        BayesClassifier classifier = new BayesClassifier(tokens, settings.integer("spam.bayes.min.messages", 10),
                settings.decimal("spam.bayes.min.distance", 0.2), settings.integer("spam.bayes.max.tokens", 3000),
                "naive".equals(settings.get("spam.bayes.combine", "naive")))
                .withHamWeight(settings.decimal("spam.bayes.ham.weight", 1.0));
        if ("logistic".equals(settings.get("spam.bayes.combine", "naive"))) {
            classifier.withLogisticModel(settings.decimal("spam.bayes.logistic.rate", 1.0),
                    settings.integer("spam.bayes.logistic.epochs", 5), settings.decimal("spam.bayes.logistic.max.fp", 0.003),
                    settings.integer("spam.bayes.logistic.max.messages", 20_000));
        }
        Tokenizer tokenizer = new Tokenizer(settings.flag("spam.bayes.bigrams", true));
        SenderLists stored = dataSource == null ? new InMemorySenderLists() : new JdbcSenderLists(dataSource);
        InMemorySenderLists configured = new InMemorySenderLists();
        settings.list("spam.allow.senders").forEach(sender -> configured.add(new ListEntry("*", sender, true)));
        settings.list("spam.block.senders").forEach(sender -> configured.add(new ListEntry("*", sender, false)));

        SpfChecker spf = new SpfChecker(dns);
        List<ScanStep> reputation = new ArrayList<>();
        if (settings.flag("spam.envelope.enabled", true)) {
            reputation.add(new EnvelopeStep(dns, settings));
        }
        if (settings.flag("spam.auth.enabled", true)) {
            reputation.add(new SpfStep(spf, settings));
            reputation.add(new DkimStep(dns, settings));
            reputation.add(new DmarcStep(dns, settings));
        }
        reputation.add(new HeaderRulesStep(settings));
        reputation.add(new UrlRulesStep(dns, settings));
        reputation.add(new GovImpersonationStep(settings));
        reputation.add(new ScamPhraseStep(settings));
        if (settings.flag("spam.bayes.enabled", true)) {
            reputation.add(new BayesStep(classifier, tokenizer, settings));
        }
        List<ScanStep> malware = new ArrayList<>();
        malware.add(new AttachmentStep(settings));
        ClamdClient clamd = clamd(settings);
        if (clamd != null) {
            malware.add(new AntivirusStep(clamd, settings));
        }

        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "spam-step-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        StepStatistics statistics = new StepStatistics();
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("govmail-spam-filter");
        try {
            camel.addRoutes(new SpamFilterRoutes(new SenderListStep(List.of(stored, configured), settings), reputation, malware,
                    new VerdictMaker(settings), request -> learnNow(classifier, tokenizer, request), executor,
                    settings.stepTimeoutMillis(), statistics));
            camel.start();
        } catch (Exception e) {
            executor.shutdownNow();
            throw new IllegalStateException("cannot start the spam filter routes", e);
        }
        LOG.info("spam filter started: reputation steps {}, malware steps {}",
                reputation.stream().map(ScanStep::name).toList(), malware.stream().map(ScanStep::name).toList());
        SmtpChecks smtpChecks = new SmtpChecks(new DnsblChecker(dns, settings.list("spam.dnsbl.zones")), spf, executor,
                settings.integer("spam.smtp.check.timeout.ms", (int) settings.stepTimeoutMillis()), statistics);
        return new SpamFilter(camel, executor, settings, statistics, classifier, tokenizer, List.of(stored, configured), tokens, localDomains, smtpChecks);
    }

    private static ClamdClient clamd(SpamFilterSettings settings) {
        Duration timeout = Duration.ofMillis(settings.integer("spam.clamav.timeout.ms", 10_000));
        String socket = settings.get("spam.clamav.socket", "");
        if (!socket.isEmpty()) {
            return ClamdClient.unixSocket(Path.of(socket), timeout);
        }
        String host = settings.get("spam.clamav.host", "");
        return host.isEmpty() ? null : ClamdClient.tcp(host, settings.integer("spam.clamav.port", 3310), timeout);
    }

    /** Runs the whole pipeline; never throws for a bad message (steps that fail are listed in the verdict). */
    public Verdict scan(SmtpEnvelope envelope, byte[] raw) {
        Set<String> local = new HashSet<>(settings.localDomains());
        local.addAll(localDomains.get());
        return producer.requestBody(SpamFilterRoutes.SCAN, new ScanContext(envelope, raw, local), Verdict.class);
    }

    /**
     * Brings the statistical model up to date with everything learned, now (the logistic model is otherwise
     * refitted in the background): after bulk training, before measuring.
     */
    public void refitClassifier() {
        classifier.refitModels();
    }

    /** Queues a message for training (SEDA route, one learner thread); returns at once. */
    public void learnLater(LearnRequest request) {
        producer.sendBody(SpamFilterRoutes.LEARN, request);
    }

    /** Trains synchronously (benchmarks, tests, admin tools). */
    public void learn(LearnRequest request) {
        learnNow(classifier, tokenizer, request);
    }

    private static void learnNow(BayesClassifier classifier, Tokenizer tokenizer, LearnRequest request) {
        try {
            classifier.learn(request.raw(), tokenizer.tokens(ParsedMessage.parse(request.raw())), request.spam(), request.domain());
        } catch (Exception e) {
            LOG.warn("spam filter: could not learn a message as {}: {}", request.spam() ? "spam" : "ham", e.toString());
        }
    }

    /** Number of learning requests waiting in the SEDA queue. */
    public int pendingLearning() {
        var endpoint = camel.getEndpoint(SpamFilterRoutes.LEARN + "?concurrentConsumers=1&size=10000",
                org.apache.camel.component.seda.SedaEndpoint.class);
        return endpoint == null ? 0 : endpoint.getCurrentQueueSize();
    }

    /** Messages learned so far, all domains together. */
    public TokenCounts learnedMessages() {
        return tokenStore.messageCounts(TokenStore.GLOBAL);
    }

    /** DNSBL and SPF for the SMTP server's connect and MAIL FROM stages, over the filter's resolver. */
    public SmtpChecks smtpChecks() {
        return smtpChecks;
    }

    /** The lists an administrator manages (per user, per domain, global), kept in PostgreSQL. */
    public SenderLists senderLists() {
        return senderLists.get(0);
    }

    /**
     * What the allow/block lists say about a sender writing to a recipient, as the pipeline's first step
     * sees it (stored lists, then configured ones): true = allowed, false = blocked, empty = not listed.
     */
    public java.util.Optional<Boolean> senderDecision(String sender, String recipient) {
        return SenderLists.decide(senderLists, sender, recipient);
    }

    public StepStatistics statistics() {
        return statistics;
    }

    public SpamFilterSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            camel.stop();
        } finally {
            stepExecutor.shutdownNow();
        }
    }
}
