package vn.govmail.bench;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for a benchmark on loopback: both servers under test use self-signed certificates, and what is measured
 * is the cost of the encrypted session, not certificate validation. Never use this outside the bench tool.
 */
final class TrustAllTls {
    private static final SSLContext CONTEXT = context();

    private TrustAllTls() {
    }

    static SSLSocket wrap(Socket plain, Endpoint endpoint) throws IOException {
        SSLSocket tls = (SSLSocket) CONTEXT.getSocketFactory().createSocket(plain, endpoint.host(), endpoint.port(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    private static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS in this JDK", e);
        }
    }
}
