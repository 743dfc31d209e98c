package vn.govmail.mailserver.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the demo/first-start certificate: RSA 3072, SHA-256, valid ten years, subject and SAN = the host
 * name (plus localhost), written as PEM like a CA would hand it over, so the same loading path serves both.
 */
public final class SelfSignedCertificateGenerator {
    private static final Logger LOGGER = LoggerFactory.getLogger(SelfSignedCertificateGenerator.class);
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificateGenerator() {
    }

    /** Returns the existing self-signed pair in {@code directory}, or creates it. */
    public static TlsMaterial ensure(Path directory, String hostname) throws IOException {
        Path certificate = directory.resolve("selfsigned-cert.pem");
        Path key = directory.resolve("selfsigned-key.pem");
        if (Files.exists(certificate) && Files.exists(key)) {
            return new TlsMaterial(certificate, key, true);
        }
        Files.createDirectories(directory);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate x509 = selfSign(pair, hostname);
            writeAtomically(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()), true);
            writeAtomically(certificate, pem(x509), false);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("Cannot generate the self-signed certificate: " + e.getMessage(), e);
        }
        LOGGER.warn("No TLS certificate configured: generated a SELF-SIGNED certificate for {} in {}. "
            + "Mail clients will warn about it; set tls.cert and tls.key (GOVMAIL_TLS_CERT, GOVMAIL_TLS_KEY) for production.", hostname, certificate);
        return new TlsMaterial(certificate, key, true);
    }

    private static X509Certificate selfSign(KeyPair pair, String hostname) throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=" + hostname + ", O=govmail self-signed");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, hostname),
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        if (secret) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
