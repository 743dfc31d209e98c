package vn.govmail.spamfilter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import vn.govmail.spamfilter.Action;
import vn.govmail.spamfilter.DnsStub;
import vn.govmail.spamfilter.LearnRequest;
import vn.govmail.spamfilter.SmtpEnvelope;
import vn.govmail.spamfilter.SpamFilter;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.Verdict;

/**
 * 5-fold cross-validation of the whole pipeline on a ham/spam corpus, then throughput on 1 and 2 threads.
 * DNS goes to a local stub (answers NXDOMAIN), Bayes statistics are kept in memory. Writes the folds as
 * path lists ({@code fold-K-train-ham.txt}, ...) into the output directory so that SpamAssassin can be run
 * on exactly the same split (bench/spam-accuracy.sh does).
 *
 * <p>Usage: {@code SpamAccuracyBenchmark <corpus dir with ham/ and spam/> <output dir> [folds]}
 */
public final class SpamAccuracyBenchmark {
    private static final String RECIPIENT = "canbo@laichau.gov.vn";

    record Sample(Path path, byte[] raw, boolean spam) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path output = Files.createDirectories(Path.of(args[1]));
        int folds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int runFolds = args.length > 3 ? Integer.parseInt(args[3]) : folds;   // fewer for quick tuning runs
        boolean verbose = Boolean.getBoolean("bench.verbose");
        List<Sample> ham = load(corpus.resolve("ham"), false);
        List<Sample> spam = load(corpus.resolve("spam"), true);
        List<List<Sample>> foldSamples = split(ham, spam, folds);

        long spamCaught = 0;
        long spamTotal = 0;
        long hamFlagged = 0;
        long hamTotal = 0;
        long noOpinion = 0;
        SpamFilter lastFilter = null;
        try (DnsStub dns = new DnsStub().ptr("198.51.100.25", "mail.sender.example")) {
            for (int k = 0; k < runFolds; k++) {
                writeFold(output, k, foldSamples);
                SpamFilter filter = SpamFilter.start(settings(dns.port()), null);
                for (int j = 0; j < folds; j++) {
                    if (j != k) {
                        for (Sample sample : foldSamples.get(j)) {
                            filter.learn(new LearnRequest(sample.raw(), sample.spam(), "laichau.gov.vn"));
                        }
                    }
                }
                filter.refitClassifier();   // the logistic model (spam.bayes.combine=logistic) is fitted now, not in the background
                long foldSpam = 0, foldSpamCaught = 0, foldHam = 0, foldHamFlagged = 0;
                for (Sample sample : foldSamples.get(k)) {
                    Verdict verdict = filter.scan(envelope(), sample.raw());
                    boolean flagged = verdict.action() != Action.DELIVER;
                    noOpinion += verdict.noOpinion().isEmpty() ? 0 : 1;
                    if (sample.spam()) {
                        if (!flagged && verbose) {
                            System.out.println("  missed spam: " + sample.path().getFileName() + " " + verdict.headers().get("X-Spam-Status") + bayesDetail(verdict));
                        }
                        foldSpam++;
                        foldSpamCaught += flagged ? 1 : 0;
                    } else {
                        foldHam++;
                        foldHamFlagged += flagged ? 1 : 0;
                        if (flagged) {
                            System.out.println("  false positive: " + sample.path().getFileName() + " " + verdict.headers().get("X-Spam-Status") + bayesDetail(verdict));
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "govmail fold %d: spam recall %d/%d, ham false positives %d/%d%n",
                        k + 1, foldSpamCaught, foldSpam, foldHamFlagged, foldHam);
                spamCaught += foldSpamCaught;
                spamTotal += foldSpam;
                hamFlagged += foldHamFlagged;
                hamTotal += foldHam;
                if (lastFilter != null) {
                    lastFilter.close();
                }
                lastFilter = filter;
            }
            lastFilter.statistics().snapshot().forEach((step, n) ->
                    System.out.printf(Locale.ROOT, "  step %-18s mean %5d µs%n", step, n[3]));
            System.out.printf(Locale.ROOT, "govmail %d-fold: spam recall %.2f %% (%d/%d), ham false positives %.2f %% (%d/%d), scans with a failed step %d%n",
                    folds, 100.0 * spamCaught / spamTotal, spamCaught, spamTotal, 100.0 * hamFlagged / hamTotal, hamFlagged, hamTotal, noOpinion);

            List<Sample> all = foldSamples.stream().flatMap(List::stream).toList();
            for (int threads : Boolean.parseBoolean(System.getProperty("bench.throughput", "true")) ? new int[]{1, 2} : new int[0]) {
                throughput(lastFilter, all, threads);   // warm-up round
                long cpuBefore = processCpuNanos();
                double rate = throughput(lastFilter, all, threads);
                double cpuMillisPerMessage = (processCpuNanos() - cpuBefore) / 1e6 / all.size();
                System.out.printf(Locale.ROOT, "govmail throughput, %d thread(s): %.0f msg/s wall clock (%d messages, trained filter, DNS stub);"
                        + " %.2f ms CPU per message = %.0f msg/s per fully available core%n",
                        threads, rate, all.size(), cpuMillisPerMessage, 1000 / cpuMillisPerMessage);
            }
            lastFilter.close();
        }
    }

    private static String bayesDetail(Verdict verdict) {
        return verdict.hits().stream().filter(hit -> hit.rule().startsWith("BAYES_")).map(hit -> " (" + hit.detail() + ")")
                .findFirst().orElse("");
    }

    private static double throughput(SpamFilter filter, List<Sample> samples, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < samples.size(); i += threads) {
                        filter.scan(envelope(), samples.get(i).raw());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return samples.size() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** CPU time of the whole JVM (all threads: steps, DNS stub, GC): meaningful on a machine shared with other jobs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static SmtpEnvelope envelope() {
        return new SmtpEnvelope("198.51.100.25", "mail.sender.example", "", List.of(RECIPIENT), false, false);
    }

    private static SpamFilterSettings settings(int dnsPort) {
        Properties properties = new Properties();
        properties.setProperty("spam.dns.server", "127.0.0.1");
        properties.setProperty("spam.dns.port", Integer.toString(dnsPort));
        properties.setProperty("spam.local.domains", "laichau.gov.vn");
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("spam."))
                .forEach(name -> properties.setProperty(name, System.getProperty(name)));   // e.g. -Dspam.bayes.max.tokens=50
        return new SpamFilterSettings(properties);
    }

    private static List<Sample> load(Path directory, boolean spam) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Sample> samples = new ArrayList<>();
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                samples.add(new Sample(path, Files.readAllBytes(path), spam));
            }
            return samples;
        }
    }

    /** Stratified: each fold gets its share of ham and of spam, after a seeded shuffle (the same for every benchmark). */
    static <T> List<List<T>> split(List<T> ham, List<T> spam, int folds) {
        List<List<T>> result = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            result.add(new ArrayList<>());
        }
        for (List<T> group : List.of(ham, spam)) {
            List<T> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, new Random(20261121));
            for (int i = 0; i < shuffled.size(); i++) {
                result.get(i % folds).add(shuffled.get(i));
            }
        }
        return result;
    }

    private static void writeFold(Path output, int k, List<List<Sample>> folds) throws IOException {
        List<String> trainHam = new ArrayList<>(), trainSpam = new ArrayList<>(), test = new ArrayList<>();
        for (int j = 0; j < folds.size(); j++) {
            for (Sample sample : folds.get(j)) {
                if (j == k) {
                    test.add((sample.spam() ? "spam " : "ham ") + sample.path());
                } else {
                    (sample.spam() ? trainSpam : trainHam).add(sample.path().toString());
                }
            }
        }
        Files.write(output.resolve("fold-" + (k + 1) + "-train-ham.txt"), trainHam);
        Files.write(output.resolve("fold-" + (k + 1) + "-train-spam.txt"), trainSpam);
        Files.write(output.resolve("fold-" + (k + 1) + "-test.txt"), test);
    }
}
