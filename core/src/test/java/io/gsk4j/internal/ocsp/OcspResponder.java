package io.gsk4j.internal.ocsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import io.gsk4j.testpki.TestPki;

/**
 * A real OCSP responder on loopback for tests: answers POST and GET (RFC 6960 appendix A) with
 * responses built and signed by BouncyCastle, and can be told to misbehave in every way a
 * client must survive. Records what it was asked so tests can see method, nonce and count.
 */
final class OcspResponder implements AutoCloseable {

    /** What the HTTP answer carries. */
    enum Body { OCSP, GARBAGE, OVERSIZED, OVERSIZED_UNDECLARED, TRAILING_BYTES, HTTP_500, REDIRECT, HTML, TRY_LATER, UNAUTHORIZED }

    /** Who signs and whom the ResponderID names; {@code included} go into the response's certs. */
    record Signer(PrivateKey key, X509Certificate named, boolean byKeyHash, X509Certificate... included) {
    }

    /** One request as received. */
    record Seen(String method, String path, String contentType, List<BigInteger> serials, byte[] nonce) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();

    volatile CertificateStatus status = CertificateStatus.GOOD;
    volatile Body body = Body.OCSP;
    volatile Duration delay = Duration.ZERO;
    volatile Signer signer;
    volatile Duration thisUpdateOffset = Duration.ZERO;
    volatile Duration nextUpdateOffset;          // null = no nextUpdate
    volatile boolean echoNonce = true;
    volatile byte[] foreignNonce;                // a nonce of our own instead of the echo
    volatile BigInteger answerSerial;            // answer about another serial than asked
    volatile boolean criticalExtension;          // add an unknown critical response extension
    volatile String redirectTo;
    volatile int oversizeBytes = 64 * 1024;

    private OcspResponder(TestPki.Ca ca) throws IOException {
        this.signer = new Signer(ca.key(), ca.certificate(), false);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(workers); // delays must not block other exchanges
        server.createContext("/", this::handle);
        server.start();
    }

    static OcspResponder start(TestPki.Ca ca) {
        try {
            return new OcspResponder(ca);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start OCSP responder", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    Seen last() {
        List<Seen> all = seen();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    void signedBy(Signer signer) {
        this.signer = signer;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] der = requestBytes(exchange);
            OCSPReq request = der == null ? null : parse(der);
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), serials(request), nonce(request)));
            pause();
            respond(exchange, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up early (timeouts, size limits): expected in those tests
        } catch (Exception e) {
            // a test responder that fails silently hides bugs; the client sees the connection close
            e.printStackTrace();
        }
    }

    private void respond(HttpExchange exchange, OCSPReq request) throws Exception {
        switch (body) {
            case OCSP -> send(exchange, 200, ocspBytes(request));
            case GARBAGE -> send(exchange, 200, "this is not DER at all".getBytes(StandardCharsets.US_ASCII));
            case OVERSIZED -> send(exchange, 200, new byte[oversizeBytes]);
            case OVERSIZED_UNDECLARED -> {
                exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(200, 0); // no Content-Length: body ends at close
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(new byte[oversizeBytes]);
                }
            }
            case TRAILING_BYTES -> {
                byte[] good = ocspBytes(request);
                byte[] padded = new byte[good.length + 4];
                System.arraycopy(good, 0, padded, 0, good.length);
                send(exchange, 200, padded);
            }
            case HTTP_500 -> send(exchange, 500, "oops".getBytes(StandardCharsets.US_ASCII));
            case REDIRECT -> {
                exchange.getResponseHeaders().set("Location", redirectTo);
                send(exchange, 302, new byte[0]);
            }
            case HTML -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 13);
                exchange.getResponseBody().write("<html></html>".getBytes(StandardCharsets.US_ASCII));
            }
            case TRY_LATER -> send(exchange, 200, new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded());
            case UNAUTHORIZED -> send(exchange, 200, new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null).getEncoded());
            default -> throw new IllegalStateException(body.name());
        }
    }

    private static void send(HttpExchange exchange, int code, byte[] bytes) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
        }
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The DER request: the POST body, or the last path segment of a GET (URL-decoded, then base64). */
    private static byte[] requestBytes(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            try (InputStream in = exchange.getRequestBody()) {
                return in.readAllBytes();
            }
        }
        String path = exchange.getRequestURI().getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : Base64.getDecoder().decode(URLDecoder.decode(last, StandardCharsets.US_ASCII));
    }

    private static OCSPReq parse(byte[] der) {
        try {
            return new OCSPReq(der);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<BigInteger> serials(OCSPReq request) {
        List<BigInteger> out = new ArrayList<>();
        if (request != null) {
            for (Req req : request.getRequestList()) {
                out.add(req.getCertID().getSerialNumber());
            }
        }
        return out;
    }

    /** The nonce's own bytes (inside the OCTET STRING per RFC 8954), or null when the request has none. */
    private static byte[] nonce(OCSPReq request) {
        if (request == null) {
            return null;
        }
        Extension ext = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        return ext == null ? null : ASN1OctetString.getInstance(ext.getParsedValue()).getOctets();
    }

    private void pause() throws InterruptedException {
        Duration wait = delay;
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
    }

    private byte[] ocspBytes(OCSPReq request) throws Exception {
        if (request == null) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
        }
        Signer by = signer;
        // whole seconds keep the encoded size stable from one response to the next
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Date thisUpdate = Date.from(now.plus(thisUpdateOffset));
        Date nextUpdate = nextUpdateOffset == null ? null : Date.from(now.plus(nextUpdateOffset));
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(respId(by));
        for (Req req : request.getRequestList()) {
            CertificateID id = answerSerial == null ? req.getCertID()
                    : CertificateID.deriveCertificateID(req.getCertID(), answerSerial);
            builder.addResponse(id, status, thisUpdate, nextUpdate, null);
        }
        List<Extension> extensions = new ArrayList<>();
        Extension asked = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (foreignNonce != null) {
            extensions.add(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(foreignNonce).getEncoded()));
        } else if (echoNonce && asked != null) {
            extensions.add(asked);
        }
        if (criticalExtension) {
            extensions.add(new Extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, DERNull.INSTANCE.getEncoded()));
        }
        if (!extensions.isEmpty()) {
            builder.setResponseExtensions(new Extensions(extensions.toArray(new Extension[0])));
        }
        X509CertificateHolder[] chain = new X509CertificateHolder[by.included().length];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = new JcaX509CertificateHolder(by.included()[i]);
        }
        ContentSigner contentSigner = new JcaContentSignerBuilder(signatureAlgorithm(by.key())).build(by.key());
        BasicOCSPResp basic = builder.build(contentSigner, chain, Date.from(now));
        OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        return response.getEncoded();
    }

    private static RespID respId(Signer by) throws Exception {
        if (by.byKeyHash()) {
            SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(by.named().getPublicKey().getEncoded());
            return new RespID(key, new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1));
        }
        return new RespID(X500Name.getInstance(by.named().getSubjectX500Principal().getEncoded()));
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException(key.getAlgorithm());
        };
    }
}
