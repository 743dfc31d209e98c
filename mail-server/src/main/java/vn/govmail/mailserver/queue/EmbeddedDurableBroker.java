package vn.govmail.mailserver.queue;

import java.io.File;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.jms.ConnectionFactory;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQPrefetchPolicy;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.jmx.ManagementContext;
import org.apache.activemq.plugin.StatisticsBrokerPlugin;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.filesystem.api.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process ActiveMQ broker that holds the mail queues in a KahaDB journal under
 * {@code <data>/var/queue}. Unlike James's stock embedded broker it opens no TCP port (clients use the
 * in-VM transport only) and forces a disk sync of the journal on every write, so that a message the SMTP
 * server acknowledged with 250 is on disk.
 */
public class EmbeddedDurableBroker {
    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedDurableBroker.class);
    private static final String BROKER_NAME = "govmail";
    private static final String QUEUE_DIRECTORY = "file://var/queue";

    private final BrokerService broker;
    private final ActiveMQConnectionFactory connectionFactory;

    @Inject
    public EmbeddedDurableBroker(FileSystem fileSystem) throws Exception {
        File directory = fileSystem.getFile(QUEUE_DIRECTORY);
        KahaDBPersistenceAdapter journal = new KahaDBPersistenceAdapter();
        journal.setDirectory(new File(directory, "kahadb"));
        journal.setJournalDiskSyncStrategy("always");
        journal.setEnableJournalDiskSyncs(true);
        journal.setCheckForCorruptJournalFiles(true);
        journal.setChecksumJournalFiles(true);

        broker = new BrokerService();
        broker.setBrokerName(BROKER_NAME);
        broker.setPersistent(true);
        broker.setPersistenceAdapter(journal);
        broker.setDataDirectoryFile(directory);
        broker.setUseJmx(false);
        ManagementContext management = new ManagementContext();
        management.setCreateConnector(false);
        broker.setManagementContext(management);
        broker.setUseShutdownHook(false);
        broker.setSchedulerSupport(false);
        broker.setAdvisorySupport(false);
        // James's queue metrics read per-destination statistics through this plugin.
        broker.setPlugins(new BrokerPlugin[] {new StatisticsBrokerPlugin()});
        broker.setEnableStatistics(true);
        // Messages wait on disk, not in memory: a small in-memory window is enough and fits any heap.
        broker.getSystemUsage().getMemoryUsage().setLimit(64L * 1024 * 1024);
        broker.start();
        broker.waitUntilStarted();

        connectionFactory = new ActiveMQConnectionFactory("vm://" + BROKER_NAME + "?create=false");
        connectionFactory.setTrustAllPackages(false);
        ActiveMQPrefetchPolicy prefetch = new ActiveMQPrefetchPolicy();
        // No prefetch: a dequeued mail stays on the broker until the processing transaction commits.
        prefetch.setQueuePrefetch(0);
        prefetch.setTopicPrefetch(0);
        connectionFactory.setPrefetchPolicy(prefetch);
        LOGGER.info("Durable mail queue started in {} (KahaDB, journal synced on every write, no network listener)", directory);
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @PreDestroy
    public void stop() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}
