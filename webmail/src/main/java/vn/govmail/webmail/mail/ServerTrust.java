package vn.govmail.webmail.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust for the connections to our own mail server: exactly the certificate(s) in the mail server's PEM
 * file (its self-signed certificate on a fresh install), or the JDK's CA store when no file is configured.
 * Never "trust all": a man in the middle on the IMAP port would otherwise collect every password.
 */
public final class ServerTrust {
    private ServerTrust() {
    }

    public static SSLSocketFactory socketFactory(Optional<Path> certificateFile) {
        if (certificateFile.isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream in = Files.newInputStream(certificateFile.get())) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("No certificate in " + certificateFile.get());
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("mail-server-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the mail server certificate " + certificateFile.get() + ": " + e.getMessage(), e);
        }
    }
}
