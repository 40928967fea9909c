package io.gsk4j.internal.ocsp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * Asks an OCSP responder whether a certificate is revoked. One checker per environment, shared
 * by its sessions: it holds only the frozen settings and a synchronized cache.
 *
 * <p>Order of one check: cache, responder URL (GSK_OCSP_URL, else the certificate's AIA), time
 * budget, request, HTTP exchange, verification, cache. Every failure on the way is an
 * {@link OcspStatus#UNAVAILABLE} result, never an exception; what to make of it is the caller's
 * policy.
 */
public final class OcspChecker {
    private final OcspSettings settings;
    private final Clock clock;
    private final OcspCache cache;
    private final OcspHttpClient http;

    public OcspChecker(OcspSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With an explicit clock for validity windows, cache expiry and deadline arithmetic (tests). */
    OcspChecker(OcspSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = settings.cacheSize() > 0 ? new OcspCache(settings.cacheSize()) : null;
        this.http = new OcspHttpClient(settings.proxyHost(), settings.effectiveProxyPort(), settings.maxResponseBytes());
    }

    public OcspSettings settings() {
        return settings;
    }

    /**
     * Asks the responder about {@code cert}, issued by {@code issuer}. Never waits past
     * {@code deadline} (null = only the settings' timeout) and never throws for network or
     * response problems.
     */
    public OcspResult check(X509Certificate cert, X509Certificate issuer, Instant deadline) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(issuer, "issuer");
        try {
            return ask(cert, issuer, deadline);
        } catch (OcspFailure e) {
            return e.toResult();
        } catch (RuntimeException e) { // a defect here must not masquerade as a network answer, nor escape
            return OcspResult.unavailable("internal error during the OCSP check: " + e.getClass().getName());
        }
    }

    private OcspResult ask(X509Certificate cert, X509Certificate issuer, Instant deadline) throws OcspFailure {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new OcspFailure("the certificate given as issuer did not issue " + cert.getSubjectX500Principal());
        }
        X509CertificateHolder issuerHolder = OcspQuery.holder(issuer);
        CertificateID id = OcspQuery.certificateId(cert, issuerHolder);
        if (cache != null) {
            OcspResult cached = cache.get(id, clock.instant());
            if (cached != null) {
                return cached.fromCache();
            }
        }
        ResponderAddress responder = ResponderAddress.parse(responderUrl(cert));
        TimeBudget budget = TimeBudget.start(settings.timeoutSeconds(), deadline, clock);
        if (budget.expired()) {
            throw new OcspFailure("the caller's deadline passed before the OCSP query to " + responder + " began");
        }
        OcspQuery query = OcspQuery.build(id, issuerHolder, settings.sendsNonce() ? settings.nonceSize() : 0);
        OcspHttpClient.Reply reply = http.fetch(responder, query.der(), settings.viaGet(), budget);
        Instant received = clock.instant();
        ResponseVerifier.Verified verified = ResponseVerifier.verify(reply.body(), query, settings.nonceCheck(),
                received, responder + " via " + reply.method());
        if (cache != null) {
            cache.put(id, verified.result(), verified.nextUpdate(), received);
        }
        return verified.result();
    }

    /** GSK_OCSP_URL wins over the certificate's own AIA entry. */
    private String responderUrl(X509Certificate cert) throws OcspFailure {
        if (settings.responderUrl() != null) {
            return settings.responderUrl();
        }
        return OcspUrls.aiaOcspUrl(cert).orElseThrow(() -> new OcspFailure(
                "no OCSP responder: GSK_OCSP_URL is not set and the certificate names none in its AIA extension"));
    }
}
