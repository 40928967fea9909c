package io.gsk4j.boringssl;

import io.netty.handler.ssl.OpenSslCertificateException;
import io.netty.internal.tcnative.CertificateVerifier;
import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * gsk4j's trust manager as BoringSSL sees it: every judgement is gsk4j's, unchanged, and the
 * engine it is asked about is passed on as it came. Only the form of a refusal changes: netty
 * turns an exception it does not know into "unspecified", which BoringSSL answers with
 * internal_error; this engine sends certificate_expired for an expired chain and
 * certificate_unknown for every other refusal, by giving BoringSSL a verify result it maps to that
 * alert. The refusal itself
 * stays the cause, where gsk4j's error mapping finds it.
 */
final class RefusalAlerts extends X509ExtendedTrustManager {
    /** A verify result BoringSSL answers with certificate_unknown (it is in none of its special cases). */
    private static final int CERTIFICATE_UNKNOWN = CertificateVerifier.X509_V_ERR_SUBJECT_ISSUER_MISMATCH;

    private final X509ExtendedTrustManager gsk4j;

    RefusalAlerts(X509ExtendedTrustManager gsk4j) {
        this.gsk4j = gsk4j;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            gsk4j.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException refused) {
            throw asCertificateUnknown(refused);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            gsk4j.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException refused) {
            throw asCertificateUnknown(refused);
        }
    }

    /** certificate_expired for an expired chain (its cause says so, as for SunJSSE), else certificate_unknown. */
    private static CertificateException asCertificateUnknown(CertificateException refused) {
        boolean expired = refused.getCause() instanceof CertPathValidatorException
                && ((CertPathValidatorException) refused.getCause()).getReason() == CertPathValidatorException.BasicReason.EXPIRED;
        return new OpenSslCertificateException(refused.getMessage(), refused,
                expired ? CertificateVerifier.X509_V_ERR_CERT_HAS_EXPIRED : CERTIFICATE_UNKNOWN);
    }

    // netty's engines always pass themselves; the rest is gsk4j's as it is
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        gsk4j.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        gsk4j.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        gsk4j.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        gsk4j.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return gsk4j.getAcceptedIssuers();
    }
}
