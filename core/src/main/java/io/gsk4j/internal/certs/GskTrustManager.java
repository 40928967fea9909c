package io.gsk4j.internal.certs;

import io.gsk4j.CertValidationCallback;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.internal.SignatureAlgorithms;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Judges the peer's chain for the session it belongs to, records the verdict there
 * (it becomes GSK_CERTIFICATE_VALIDATION_CODE), asks the application's validation callback
 * when one is registered, and refuses with the precise status unless the session's PASSTHRU
 * mode (or a GSK_NO_VALIDATION callback) lets an expired or untrusted chain through.
 */
public final class GskTrustManager extends X509ExtendedTrustManager {
    private static final System.Logger LOG = System.getLogger(GskTrustManager.class.getName());

    private final EngineBindings bindings;
    private final List<X509Certificate> acceptedIssuers;

    public GskTrustManager(EngineBindings bindings, List<X509Certificate> acceptedIssuers) {
        this.bindings = bindings;
        this.acceptedIssuers = List.copyOf(acceptedIssuers);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(chain, bindings.of(engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(chain, bindings.of(engine));
    }

    private void judge(X509Certificate[] chain, SessionBinding binding) throws CertificateException {
        if (binding == null) {
            throw GskCertificateException.of(GskStatus.GSK_INTERNAL_ERROR, "no gsk4j session is bound to this handshake");
        }
        Date now = new Date();
        ChainVerdict verdict = binding.validator().validate(chain, now, binding.policy());
        if (verdict.ok() && binding.revocation() != null) {
            // only a path that is otherwise valid makes us fetch what its certificates name
            List<X509CRL> fetched = binding.revocation().fetchCrls(verdict.path(), binding);
            if (!fetched.isEmpty()) {
                verdict = binding.validator().validate(chain, now, binding.policy(), fetched);
            }
        }
        verdict = signatureAlgorithmsAllowed(verdict, chain, binding);
        if (binding.revocation() != null) {
            verdict = binding.revocation().check(verdict, chain, binding.validator().anchors(), binding);
        }
        CertValidationCallback callback = binding.callback();
        if (callback == null) {
            binding.record(verdict);
            if (verdict.ok() || (binding.peerAuth() == SessionBinding.PeerAuth.PASSTHRU && verdict.passableInPassthru())) {
                return;
            }
            throw refusal(verdict, chain, binding, now);
        }
        // with GSK_NO_VALIDATION the routine also decides about an expired or untrusted chain;
        // every other failure stands whatever the routine would say
        boolean routineDecides = verdict.ok() || (!callback.validationRequired() && verdict.passableInPassthru());
        if (!routineDecides) {
            binding.record(verdict);
            throw refusal(verdict, chain, binding, now);
        }
        List<X509Certificate> shown = callback.validationRequired()
                ? certificatesFor(callback.certificateNeeded(), chain, binding.validator())
                : List.of(chain);
        GskStatus answer = ask(callback, shown, verdict.status());
        if (answer != GskStatus.GSK_OK) {
            ChainVerdict refused = new ChainVerdict(GskStatus.GSK_ERROR_CERT_VALIDATION,
                    "the application's validation callback refused the chain (it returned " + answer.name() + ")");
            binding.record(refused);
            throw refusal(refused, chain, binding, now);
        }
        binding.record(verdict); // accepted: the validation code still tells what gsk4j found
    }

    /** Our refusal with its facts: the chain as received and as built, the certificate concerned. */
    private static GskCertificateException refusal(ChainVerdict verdict, X509Certificate[] chain, SessionBinding binding,
            Date now) {
        return new GskCertificateException(verdict, CertificateProblems.of(verdict, chain, binding.validator().anchors(), now));
    }

    /**
     * GSK_SSL_EXTN_SIGALG also governs how the peer's certificates are signed; the trust anchor's
     * own signature is not part of the check (it is trusted by being in the store).
     */
    private static ChainVerdict signatureAlgorithmsAllowed(ChainVerdict verdict, X509Certificate[] chain, SessionBinding binding) {
        SignatureAlgorithms allowed = binding.signatureAlgorithms();
        if (!verdict.ok() || allowed == null) {
            return verdict;
        }
        for (X509Certificate c : chain) {
            if (!binding.validator().anchors().contains(c) && !allowed.allows(c)) {
                return new ChainVerdict(GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE,
                        "\"" + c.getSubjectX500Principal().getName() + "\" is signed with " + allowed.describe(c)
                                + ", which GSK_SSL_EXTN_SIGALG does not allow");
            }
        }
        return verdict;
    }

    private static GskStatus ask(CertValidationCallback callback, List<X509Certificate> chain, GskStatus status) {
        try {
            GskStatus answer = callback.routine().validate(chain, status);
            return answer == null ? GskStatus.GSK_ERROR_CERT_VALIDATION : answer;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the certificate validation callback failed; the chain is refused", e);
            return GskStatus.GSK_ERROR_CERT_VALIDATION;
        }
    }

    /** The certificates a GSK_VALIDATION_REQUIRED routine asked for. */
    private static List<X509Certificate> certificatesFor(EnumValue needed, X509Certificate[] chain, ChainValidator validator) {
        if (needed == EnumValue.GSK_END_ENTITY_CERTIFICATE) {
            return List.of(chain[0]);
        }
        List<X509Certificate> out = new ArrayList<>(List.of(chain));
        if (needed == EnumValue.GSK_COMPLETED_CERTIFICATE_CHAIN) {
            X509Certificate anchor = ChainValidator.findIssuer(chain[chain.length - 1], validator.anchors());
            if (anchor != null && !out.contains(anchor)) {
                out.add(anchor);
            }
        }
        return List.copyOf(out);
    }

    // Sessions run on engines; the socket variants serve the JSSE bridge's sockets (judged exactly
    // as an engine's), and the engine-less variants are never used.
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        judge(chain, bindings.of(socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        judge(chain, bindings.of(socket));
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
