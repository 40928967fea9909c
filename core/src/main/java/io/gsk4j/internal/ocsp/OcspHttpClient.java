package io.gsk4j.internal.ocsp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;

/**
 * Sends one OCSP request over plain HTTP/1.0, directly or through an HTTP proxy, on its own
 * socket. A hand-written client rather than HttpURLConnection because every step (lookup,
 * connect, each read) must stop at one overall budget, redirects must never be followed, and
 * JVM-wide proxy and keep-alive settings must not leak in.
 */
final class OcspHttpClient {

    /** What came back, and how it was asked for (the method is worth showing in a detail). */
    record Reply(String method, byte[] body) {
    }

    private final String proxyHost;   // null = direct
    private final int proxyPort;
    private final int maxResponseBytes;

    OcspHttpClient(String proxyHost, int proxyPort, int maxResponseBytes) {
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.maxResponseBytes = maxResponseBytes;
    }

    Reply fetch(ResponderAddress responder, byte[] der, boolean viaGet, TimeBudget budget) throws OcspFailure {
        OcspHttpRequest request = OcspHttpRequest.plan(responder, der, viaGet, proxyHost != null);
        return exchange(responder, request, HttpResponseReader.OCSP_TYPES, budget);
    }

    /** A plain GET of {@code url} (a CRL distribution point) on the same transport, budget and proxy. */
    Reply get(ResponderAddress url, String accept, Set<String> types, TimeBudget budget) throws OcspFailure {
        return exchange(url, OcspHttpRequest.get(url, accept, proxyHost != null), types, budget);
    }

    private Reply exchange(ResponderAddress responder, OcspHttpRequest request, Set<String> types, TimeBudget budget)
            throws OcspFailure {
        boolean proxied = proxyHost != null;
        String peer = proxied ? "OCSP proxy " + proxyHost + ":" + proxyPort : "OCSP responder " + responder;
        try (Socket socket = new Socket()) {
            InetAddress address = HostResolver.resolve(proxied ? proxyHost : responder.connectHost(), budget);
            socket.connect(new InetSocketAddress(address, proxied ? proxyPort : responder.port()),
                    budget.socketTimeoutMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(budget.socketTimeoutMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.encode());
            out.flush();
            BudgetedInputStream in = new BudgetedInputStream(socket, socket.getInputStream(), budget);
            byte[] body = HttpResponseReader.readBody(new BufferedInputStream(in), maxResponseBytes, types);
            return new Reply(request.method(), body);
        } catch (SocketTimeoutException e) {
            throw new OcspFailure("no answer from " + peer + " within " + budget.limitName());
        } catch (ConnectException e) {
            throw new OcspFailure("cannot connect to " + peer + ": " + e.getMessage());
        } catch (IOException e) {
            throw new OcspFailure("I/O error talking to " + peer + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
