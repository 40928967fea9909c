package io.gsk4j.internal.certs;

import io.gsk4j.GskStatus;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Judges the peer's chain for the session it belongs to, records the verdict there
 * (it becomes GSK_CERTIFICATE_VALIDATION_CODE), and refuses with the precise status
 * unless the session's PASSTHRU mode lets an expired or untrusted chain through.
 */
public final class GskTrustManager extends X509ExtendedTrustManager {
    private final EngineBindings bindings;
    private final List<X509Certificate> acceptedIssuers;

    public GskTrustManager(EngineBindings bindings, List<X509Certificate> acceptedIssuers) {
        this.bindings = bindings;
        this.acceptedIssuers = List.copyOf(acceptedIssuers);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(chain, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(chain, engine);
    }

    private void judge(X509Certificate[] chain, SSLEngine engine) throws CertificateException {
        SessionBinding binding = bindings.of(engine);
        if (binding == null) {
            throw GskCertificateException.of(GskStatus.GSK_INTERNAL_ERROR, "no gsk4j session is bound to this handshake");
        }
        ChainVerdict verdict = binding.validator().validate(chain, new Date());
        binding.record(verdict, chain);
        if (verdict.ok() || (binding.peerAuth() == SessionBinding.PeerAuth.PASSTHRU && verdict.passableInPassthru())) {
            return;
        }
        throw new GskCertificateException(verdict);
    }

    // Sessions always run on engines; the socket and engine-less variants are never used.
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw GskCertificateException.of(GskStatus.GSK_INTERNAL_ERROR, "gsk4j validates only on its own engines");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw GskCertificateException.of(GskStatus.GSK_INTERNAL_ERROR, "gsk4j validates only on its own engines");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw GskCertificateException.of(GskStatus.GSK_INTERNAL_ERROR, "gsk4j validates only on its own engines");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw GskCertificateException.of(GskStatus.GSK_INTERNAL_ERROR, "gsk4j validates only on its own engines");
    }

    /** The CA names a server puts in its certificate request: the environment's trusted certificates. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return acceptedIssuers.toArray(new X509Certificate[0]);
    }
}
