package io.gsk4j.internal.crl;

import io.gsk4j.internal.ocsp.HttpGet;
import io.gsk4j.internal.ocsp.OcspSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetches the CRLs a chain's certificates name in their CRL distribution points, over the OCSP
 * client's transport (proxy, the OCSP timeout and the handshake's deadline, no redirects), and
 * caches each by URL until its nextUpdate (at most {@link #CACHE_SIZE} lists, least recently
 * used dropped first). The policy is OCSP's: a list that cannot be fetched or read leaves the
 * certificate unjudged — an unreachable distribution point must not take every connection
 * down — and the caller records its subject as GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT.
 * One fetcher per environment, shared by its sessions.
 */
public final class CrlFetcher {
    static final int CACHE_SIZE = 64;
    /** A CRL body larger than this is refused (large public CAs publish lists of a few MB). */
    static final int MAX_CRL_BYTES = 8 * 1024 * 1024;
    /** Without nextUpdate, a fetched list is kept this long. */
    private static final Duration WITHOUT_NEXT_UPDATE = Duration.ofHours(1);
    private static final Set<String> TYPES = Set.of("application/pkix-crl", "application/x-pkcs7-crl", "application/octet-stream");

    /** What fetching for one chain gave: the lists, and the certificates whose lists could not be had. */
    public record Fetched(List<X509CRL> crls, List<X509Certificate> unknown) {
    }

    private record Cached(X509CRL crl, Instant expires) {
    }

    private final HttpGet http;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public CrlFetcher(OcspSettings transport) {
        this(transport, Clock.systemUTC());
    }

    CrlFetcher(OcspSettings transport, Clock clock) {
        this.http = new HttpGet(transport, MAX_CRL_BYTES);
        this.clock = clock;
    }

    /** The lists for every certificate of {@code chain} that names an http:// distribution point. */
    public Fetched fetch(X509Certificate[] chain, Instant deadline) {
        List<X509CRL> crls = new ArrayList<>();
        List<X509Certificate> unknown = new ArrayList<>();
        for (X509Certificate c : chain) {
            List<String> urls = DistributionPoints.httpUrls(c);
            if (urls.isEmpty()) {
                continue;
            }
            X509CRL got = null;
            for (String url : urls) {
                got = cachedOrFetched(url, deadline);
                if (got != null) {
                    break;
                }
            }
            if (got == null) {
                unknown.add(c);
            } else if (!crls.contains(got)) {
                crls.add(got);
            }
        }
        return new Fetched(List.copyOf(crls), List.copyOf(unknown));
    }

    private X509CRL cachedOrFetched(String url, Instant deadline) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached e = cache.get(url);
            if (e != null && now.isBefore(e.expires())) {
                return e.crl();
            }
        }
        X509CRL crl;
        try {
            crl = parse(http.fetch(url, "application/pkix-crl", TYPES, deadline));
        } catch (IOException | CRLException | CertificateException e) {
            return null;
        }
        Instant expires = crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant() : now.plus(WITHOUT_NEXT_UPDATE);
        synchronized (cache) {
            cache.put(url, new Cached(crl, expires));
        }
        return crl;
    }

    private static X509CRL parse(byte[] body) throws CRLException, CertificateException {
        for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(body))) {
            return (X509CRL) c;
        }
        throw new CRLException("the body holds no CRL");
    }
}
