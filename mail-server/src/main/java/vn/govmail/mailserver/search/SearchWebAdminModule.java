package vn.govmail.mailserver.search;

import org.apache.james.modules.server.ReIndexingModule;
import org.apache.james.modules.server.WebAdminReIndexingTaskSerializationModule;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/** WebAdmin: James's re-index task routes (users, all mailboxes, one mailbox, one message) and the webmail search. */
public class SearchWebAdminModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ReIndexingModule());
        install(new WebAdminReIndexingTaskSerializationModule());
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(SearchRoutes.class);
    }
}
