package vn.govmail.mailserver.search;

import org.apache.james.events.EventListener;
import org.apache.james.mailbox.indexer.ReIndexer;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.mailbox.store.search.SimpleMessageSearchIndex;
import org.apache.james.modules.mailbox.ReIndexingTaskSerializationModule;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.mailbox.tools.indexer.ReIndexerImpl;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import vn.govmail.mailserver.config.GovmailSettings;

/**
 * The Lucene search index in place of James's scanning one, James's re-indexer on top of it (WebAdmin
 * {@code ?task=reIndex} routes, see {@link SearchWebAdminModule}), and the catch-up at start.
 */
public class SearchModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SearchComponents.class).in(Scopes.SINGLETON);
        bind(LuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
        bind(ListeningMessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        var listeners = Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class);
        if (scanningSearch()) {
            // James as shipped: no index is fed (the baseline of the indexing cost in bench/compare.sh); switching
            // back to lucene catches up at start like after a crash.
            bind(MessageSearchIndex.class).to(SimpleMessageSearchIndex.class);
        } else {
            bind(MessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
            listeners.addBinding().to(LuceneMessageSearchIndex.class);
        }

        bind(ReIndexerImpl.class).in(Scopes.SINGLETON);
        bind(ReIndexer.class).to(ReIndexerImpl.class);
        install(new ReIndexingTaskSerializationModule());
    }

    /** The {@code search.index} setting; anything but "lucene" or "scanning" stops the start with a clear message. */
    private static boolean scanningSearch() {
        String mode = GovmailSettings.load(System.getenv()).string("search.index");
        return switch (mode) {
            case "lucene" -> false;
            case "scanning" -> true;
            default -> throw new GovmailSettings.SettingsException("Setting 'search.index' ("
                + GovmailSettings.environmentName("search.index") + ") must be lucene or scanning, not '" + mode + "'");
        };
    }

    @ProvidesIntoSet
    InitializationOperation catchUpAtStart(SearchComponents components) {
        return InitilizationOperationBuilder
            .forClass(SearchComponents.class)
            .init(() -> {
                if (!scanningSearch()) {
                    components.startCatchUp();
                }
            });
    }
}
