package vn.govmail.mailserver.tls;

import java.nio.file.Files;
import java.nio.file.Path;

/** The PEM certificate chain and private key that every TLS listener serves. */
public record TlsMaterial(Path certificateChain, Path privateKey, boolean selfSigned) {
    public TlsMaterial {
        if (!Files.isReadable(certificateChain)) {
            throw new IllegalArgumentException("TLS certificate " + certificateChain + " is not readable: set tls.cert (GOVMAIL_TLS_CERT) to a PEM certificate chain");
        }
        if (!Files.isReadable(privateKey)) {
            throw new IllegalArgumentException("TLS private key " + privateKey + " is not readable: set tls.key (GOVMAIL_TLS_KEY) to a PEM private key");
        }
    }
}
