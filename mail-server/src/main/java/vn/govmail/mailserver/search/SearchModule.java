package vn.govmail.mailserver.search;

import org.apache.james.events.EventListener;
import org.apache.james.mailbox.indexer.ReIndexer;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.MessageSearchIndex;
import org.apache.james.modules.mailbox.ReIndexingTaskSerializationModule;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.mailbox.tools.indexer.ReIndexerImpl;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

/**
 * The Lucene search index in place of James's scanning one, James's re-indexer on top of it (WebAdmin
 * {@code ?task=reIndex} routes, see {@link SearchWebAdminModule}), and the catch-up at start.
 */
public class SearchModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SearchComponents.class).in(Scopes.SINGLETON);
        bind(LuceneMessageSearchIndex.class).in(Scopes.SINGLETON);
        bind(MessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        bind(ListeningMessageSearchIndex.class).to(LuceneMessageSearchIndex.class);
        Multibinder.newSetBinder(binder(), EventListener.ReactiveGroupEventListener.class)
            .addBinding().to(LuceneMessageSearchIndex.class);

        bind(ReIndexerImpl.class).in(Scopes.SINGLETON);
        bind(ReIndexer.class).to(ReIndexerImpl.class);
        install(new ReIndexingTaskSerializationModule());
    }

    @ProvidesIntoSet
    InitializationOperation catchUpAtStart(SearchComponents components) {
        return InitilizationOperationBuilder
            .forClass(SearchComponents.class)
            .init(components::startCatchUp);
    }
}
