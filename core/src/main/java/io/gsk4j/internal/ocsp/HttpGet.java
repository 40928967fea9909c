package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * A plain HTTP GET on the OCSP client's transport — its proxy, its time budget (the OCSP timeout
 * and the caller's deadline), no redirects, a size cap — for other revocation sources (CRL
 * distribution points). Only http:// URLs, as for OCSP.
 */
public final class HttpGet {
    private final OcspSettings settings;
    private final OcspHttpClient http;

    /** @param maxBytes larger bodies are refused */
    public HttpGet(OcspSettings settings, int maxBytes) {
        this.settings = settings;
        this.http = new OcspHttpClient(settings.proxyHost(), settings.effectiveProxyPort(), maxBytes);
    }

    /**
     * The body at {@code url}, served with one of {@code types} (or none).
     *
     * @param deadline when the caller gives up, or null for only the OCSP timeout
     * @throws IOException why nothing usable came back; the message names the URL without its query
     */
    public byte[] fetch(String url, String accept, Set<String> types, Instant deadline) throws IOException {
        try {
            ResponderAddress address = ResponderAddress.parse(url);
            TimeBudget budget = TimeBudget.start(settings.timeoutSeconds(), deadline, Clock.systemUTC());
            if (budget.expired()) {
                throw new IOException("the deadline passed before " + address + " was asked");
            }
            return http.get(address, accept, types, budget).body();
        } catch (OcspFailure e) {
            throw new IOException(e.getMessage().replace("OCSP ", ""));
        }
    }
}
