package vn.govmail.webmail.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.QuotaAwareStore;
import java.util.Optional;

/** GETQUOTAROOT INBOX → the storage used and allowed, in bytes. */
public class QuotaService {
    private final MailAccount account;

    public QuotaService(MailAccount account) {
        this.account = account;
    }

    public record Usage(long usedBytes, long limitBytes) {
        public double ratio() {
            return limitBytes <= 0 ? 0 : Math.min(1.0, (double) usedBytes / limitBytes);
        }

        public boolean warning() {
            return ratio() >= 0.8;
        }
    }

    public Optional<Usage> storage() throws MessagingException {
        synchronized (account) {
            if (!(account.store() instanceof QuotaAwareStore store)) {
                return Optional.empty();
            }
            Quota[] quotas;
            try {
                quotas = store.getQuota("INBOX");
            } catch (MessagingException noQuotaExtension) {
                return Optional.empty();
            }
            for (Quota quota : quotas) {
                if (quota.resources == null) {
                    continue;
                }
                for (Quota.Resource resource : quota.resources) {
                    if ("STORAGE".equalsIgnoreCase(resource.name)) {
                        return Optional.of(new Usage(resource.usage * 1024, resource.limit * 1024)); // RFC 9208: units of 1024 octets
                    }
                }
            }
            return Optional.empty();
        }
    }
}
