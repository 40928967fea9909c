package io.gsk4j.internal.ocsp;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one OCSP request (or a CRL download) with the JDK's {@link HttpClient}: HTTP/1.1, never
 * following redirects, with this client's own proxy or none (the JVM-wide proxy settings never
 * leak in). What HttpClient cannot do is kept here: its connect timeout does not bound the name
 * lookup and its request timeout ends once the response head is in, so a body that trickles in
 * could outlast both; the whole exchange is therefore waited for at most until the budget (the
 * OCSP timeout or the caller's deadline) runs out, then cancelled, which drops the connection.
 * The head is judged and the body capped while it arrives ({@link CappedBody}).
 */
final class OcspHttpClient {

    /** What came back, and how it was asked for (the method is worth showing in a detail). */
    record Reply(String method, byte[] body) {
    }

    private final String proxyHost;   // null = direct
    private final int proxyPort;
    private final int maxResponseBytes;
    private volatile HttpClient client; // built at the first query: an environment without one starts no thread

    OcspHttpClient(String proxyHost, int proxyPort, int maxResponseBytes) {
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.maxResponseBytes = maxResponseBytes;
    }

    Reply fetch(ResponderAddress responder, byte[] der, boolean viaGet, TimeBudget budget) throws OcspFailure {
        OcspHttpRequest request = OcspHttpRequest.plan(responder, der, viaGet);
        return exchange(responder, request, CappedBody.OCSP_TYPES, budget);
    }

    /** A plain GET of {@code url} (a CRL distribution point) on the same transport, budget and proxy. */
    Reply get(ResponderAddress url, String accept, Set<String> types, TimeBudget budget) throws OcspFailure {
        return exchange(url, OcspHttpRequest.get(url, accept), types, budget);
    }

    private Reply exchange(ResponderAddress responder, OcspHttpRequest request, Set<String> types, TimeBudget budget)
            throws OcspFailure {
        String peer = proxyHost != null ? "OCSP proxy " + proxyHost + ":" + proxyPort : "OCSP responder " + responder;
        CompletableFuture<HttpResponse<byte[]>> pending =
                client().sendAsync(request.toHttpRequest(budget), info -> new CappedBody(info, maxResponseBytes, types));
        try {
            HttpResponse<byte[]> response = budget.limited()
                    ? pending.get(budget.remainingMillis(), TimeUnit.MILLISECONDS)
                    : pending.get();
            return new Reply(request.method(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new OcspFailure("no answer from " + peer + " within " + budget.limitName());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new OcspFailure("interrupted while waiting for " + peer);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), peer, proxyHost != null ? proxyHost : responder.host(), budget);
        }
    }

    private static OcspFailure failure(Throwable cause, String peer, String host, TimeBudget budget) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.Refused refused) {
                return refused.failure();
            }
            if (t instanceof UnresolvedAddressException) {
                return new OcspFailure("unknown host " + host);
            }
        }
        if (cause instanceof HttpTimeoutException) {
            return new OcspFailure("no answer from " + peer + " within " + budget.limitName());
        }
        if (cause instanceof ConnectException) {
            return new OcspFailure("cannot connect to " + peer + reason(cause));
        }
        return new OcspFailure("I/O error talking to " + peer + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
    }

    /** The JDK's reason, where it gives one (HttpClient often reports a refused connection without any). */
    private static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                return ": " + c.getMessage();
            }
        }
        return "";
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with a responder
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .proxy(proxyHost == null ? HttpClient.Builder.NO_PROXY
                                    // unresolved: the lookup happens inside the exchange, under its budget
                                    : ProxySelector.of(InetSocketAddress.createUnresolved(proxyHost, proxyPort)))
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** The request timeout, as a second line of defence behind the caller's bounded wait. */
    static Duration requestTimeout(TimeBudget budget) {
        return Duration.ofMillis(Math.max(1, budget.remainingMillis()));
    }
}
