package vn.govmail.mailserver.modules;

import org.apache.james.managesieveserver.netty.ManageSieveServerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import vn.govmail.mailserver.managesieve.GovmailManageSieveServerFactory;

/**
 * Override of James's ManageSieve wiring (applied with {@code overrideWith}): our server factory, whose servers work
 * after STARTTLS, repeat capabilities after it and refuse AUTHENTICATE without TLS.
 */
public class GovmailManageSieveModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ManageSieveServerFactory.class).to(GovmailManageSieveServerFactory.class);
        bind(GovmailManageSieveServerFactory.class).in(Scopes.SINGLETON);
    }
}
