package io.gsk4j.internal.certs;

import io.gsk4j.CertValidationCallback;
import io.gsk4j.internal.SignatureAlgorithms;
import io.gsk4j.internal.validation.ValidationPolicy;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the shared key and trust managers need to know about one session's handshake: the
 * key it presents, how strictly it judges the peer, and where to record the verdict.
 * The managers are shared by every session of an environment; the engine finds its binding.
 */
public final class SessionBinding {
    /** How a failed peer validation is treated (GSK_SERVER_AUTH_TYPE / GSK_CLIENT_AUTH_TYPE). */
    public enum PeerAuth { FULL, PASSTHRU }

    private final String alias;
    private final PrivateKey key;
    private final X509Certificate[] chain;
    private final ChainValidator validator;
    private final PeerAuth peerAuth;
    private final CertValidationCallback callback;
    private final SignatureAlgorithms signatureAlgorithms;
    private final Revocation revocation;
    private final ValidationPolicy policy;
    private volatile ChainVerdict verdict;
    private volatile String unknownRevocationSubject;
    private volatile boolean certificateWithheld;
    private volatile List<String> requestedIssuers;

    public SessionBinding(String alias, PrivateKey key, List<X509Certificate> chain, ChainValidator validator, PeerAuth peerAuth,
            CertValidationCallback callback, SignatureAlgorithms signatureAlgorithms, Revocation revocation,
            ValidationPolicy policy) {
        this.alias = alias;
        this.policy = policy;
        this.revocation = revocation;
        this.callback = callback;
        this.signatureAlgorithms = signatureAlgorithms;
        this.key = key;
        this.chain = chain.toArray(new X509Certificate[0]);
        this.validator = validator;
        this.peerAuth = peerAuth;
    }

    /**
     * Everything that decides the verdict on a given chain besides the time: two bindings with
     * equal judgements record the same verdict for it. The validator counts by identity (a
     * session with its own store has its own).
     */
    private record Judgement(ChainValidator validator, ValidationPolicy policy, SignatureAlgorithms signatureAlgorithms,
                             boolean revocation, CertValidationCallback callback, PeerAuth peerAuth) {
    }

    /** How this session judges its peer (see {@link FirstVerdicts}); equal for sessions that judge alike. */
    Object judgement() {
        // made when asked (twice per handshake at most), not kept: an idle session holds nothing more
        return new Judgement(validator, policy, signatureAlgorithms, revocation != null, callback, peerAuth);
    }

    public String alias() {
        return alias;
    }

    public boolean hasKey() {
        return key != null;
    }

    PrivateKey key() {
        return key;
    }

    X509Certificate[] chain() {
        return chain.clone();
    }

    ChainValidator validator() {
        return validator;
    }

    PeerAuth peerAuth() {
        return peerAuth;
    }

    /** How strictly the peer's chain is judged, and for which purpose. */
    ValidationPolicy policy() {
        return policy;
    }

    /** How the peer's certificate is checked for revocation, or null when OCSP is off. */
    Revocation revocation() {
        return revocation;
    }

    /** The peer asked for our certificate and this session had none it could use. */
    void recordCertificateWithheld() {
        this.certificateWithheld = true;
    }

    /** The peer asked for our certificate, naming these CAs (certificate_authorities; possibly none). */
    void recordCertificateRequest(java.security.Principal[] issuers) {
        List<String> names = new java.util.ArrayList<>();
        if (issuers != null) {
            for (java.security.Principal p : issuers) {
                names.add(p instanceof javax.security.auth.x500.X500Principal
                        ? ((javax.security.auth.x500.X500Principal) p).getName() : p.getName());
            }
        }
        this.requestedIssuers = List.copyOf(names);
    }

    /** The CA names the peer listed when it asked for our certificate; null when it did not ask. */
    public List<String> requestedIssuers() {
        return requestedIssuers;
    }

    /** Whether the peer asked for a certificate this session did not send (decides what its refusal means). */
    public boolean certificateWithheld() {
        return certificateWithheld;
    }

    void recordUnknownRevocation(String subject) {
        this.unknownRevocationSubject = subject;
    }

    /** GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT: the certificate whose revocation status could not be learned, or null. */
    public String unknownRevocationSubject() {
        return unknownRevocationSubject;
    }

    /** GSK_SSL_EXTN_SIGALG, or null when the session did not set it. */
    SignatureAlgorithms signatureAlgorithms() {
        return signatureAlgorithms;
    }

    /** The application's validation callback, or null. */
    CertValidationCallback callback() {
        return callback;
    }

    void record(ChainVerdict v) {
        this.verdict = v;
    }

    /**
     * A resumed session's chain, judged again because no verdict is known under this session's
     * judgement: records the verdict and returns whether this session refuses it, as its trust
     * manager would have in a full handshake (only PASSTHRU lets an expired or untrusted chain by;
     * a validation callback is not asked again, so a failure it might have waved through stands).
     */
    public boolean judgeResumed(List<X509Certificate> chain) {
        ChainVerdict v = judgeAgain(chain);
        record(v);
        return !v.ok() && !(peerAuth == PeerAuth.PASSTHRU && v.passableInPassthru() && callback == null);
    }

    /** Judges a chain without refusing or recording anything. */
    private ChainVerdict judgeAgain(List<X509Certificate> chain) {
        return validator.validate(chain.toArray(new X509Certificate[0]), new java.util.Date(), policy);
    }

    /** The verdict on the peer's chain, or null when the peer presented none. */
    public ChainVerdict verdict() {
        return verdict;
    }

    /** Whether the key can sign for a key type the JDK asks for ("RSA", "EC", "EdDSA", ...). */
    boolean keyMatches(String keyType) {
        if (key == null || keyType == null) {
            return false;
        }
        String algorithm = key.getAlgorithm();
        if (keyType.equalsIgnoreCase(algorithm)) {
            return true;
        }
        boolean edKey = algorithm.equalsIgnoreCase("Ed25519") || algorithm.equalsIgnoreCase("Ed448")
                || algorithm.equalsIgnoreCase("EdDSA");
        boolean edWanted = keyType.equalsIgnoreCase("EdDSA") || keyType.equalsIgnoreCase("Ed25519")
                || keyType.equalsIgnoreCase("Ed448");
        boolean ecKey = algorithm.equalsIgnoreCase("EC") || algorithm.equalsIgnoreCase("ECDSA");
        return (edKey && edWanted) || (ecKey && keyType.equalsIgnoreCase("EC"));
    }

    @Override
    public String toString() {
        return "binding " + alias + (key != null ? " with key" : " without key") + ", " + peerAuth;
    }
}
