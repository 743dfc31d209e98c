package vn.govmail.mailserver.smtp;

import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * An RCPT hook that judges a recipient once it is known to be ours (the spam filter's block lists and greylisting).
 * In smtpserver.xml these run after James's recipient validation; a distribution group, though, is accepted by
 * {@code GroupRcptHook} with an OK that ends James's hook chain, so that hook runs every {@code LocalRecipientHook}
 * (a Guice set) itself before accepting a group address.
 */
public interface LocalRecipientHook extends RcptHook {
}
