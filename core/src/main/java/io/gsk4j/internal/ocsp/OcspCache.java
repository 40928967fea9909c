package io.gsk4j.internal.ocsp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * Verified answers kept until the responder's nextUpdate, keyed by CertID, least recently used
 * evicted first. Shared by all sessions of an environment, hence synchronized.
 */
final class OcspCache {

    private record Cached(OcspResult result, Instant expires) {
    }

    private final int capacity;
    private final Map<CertificateID, Cached> entries;

    OcspCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CertificateID, Cached> eldest) {
                return size() > OcspCache.this.capacity;
            }
        };
    }

    /** The cached answer while now is before its nextUpdate; expired entries are dropped. */
    synchronized OcspResult get(CertificateID id, Instant now) {
        Cached entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.expires())) {
            entries.remove(id);
            return null;
        }
        return entry.result();
    }

    /** Keeps an answer; one without nextUpdate ("newer information is always available") or an UNAVAILABLE is not kept. */
    synchronized void put(CertificateID id, OcspResult result, Instant nextUpdate, Instant now) {
        if (capacity == 0 || nextUpdate == null || result.status() == OcspStatus.UNAVAILABLE
                || !now.isBefore(nextUpdate)) {
            return;
        }
        entries.put(id, new Cached(result, nextUpdate));
    }

    synchronized int size() {
        return entries.size();
    }
}
