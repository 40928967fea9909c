package io.gsk4j.internal.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation codes each session's full handshake recorded, kept per environment so that a
 * resumed session reports them without its chain being judged again (on IBM i a resumed session
 * exchanges no certificate either).
 *
 * <p>A JSSE session does not keep what gsk4j puts into it across resumption: a TLS 1.3 client
 * resumes into a new session object made from the cached one's PSK, and a server rebuilds it
 * from a stateless ticket. What survives on every path is the session's creation time and the
 * peer's chain, so those name the session here. A code is handed back only to a session judged
 * the same way (the same validator, policy, signature algorithms, revocation, callback and
 * authentication mode: {@link SessionBinding#judgement()}); anything else is a miss, and the
 * caller validates as before. Entries go when the session could no longer be resumed
 * (GSK_V3_SESSION_TIMEOUT after its creation), and the oldest go first beyond {@link #CAPACITY}.
 *
 * <p>An engine that does not keep the creation time across resumption (BoringSSL on TLS 1.3
 * makes the resumed session anew) misses the exact entry; it then gets the codes of the latest
 * full handshake that judged the same chain the same way and could still be resumed, which is
 * the session it resumed unless the same chain was judged more than once meanwhile.
 */
public final class FirstVerdicts {
    /** Sessions remembered per environment; a session beyond them is simply judged again when resumed. */
    static final int CAPACITY = 4096;

    /**
     * What a full handshake recorded: GSK_CERTIFICATE_VALIDATION_CODE, GSK_LAST_VALIDATION_ERROR
     * and GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT (null when every revocation status was learned).
     */
    public record Codes(int status, int validation, String unknownRevocationSubject) {
        public Codes(int status, int validation) {
            this(status, validation, null);
        }
    }

    private record Key(long created, Digest chain, Object judgement) {
    }

    /** The same without the creation time: what {@link #latest} is kept by. */
    private record ChainKey(Digest chain, Object judgement) {
    }

    private record Entry(Codes codes, long expiresAtMillis) {
    }

    /** A SHA-256 of the chain's encodings: what a key holds instead of the certificates. */
    private record Digest(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Digest && Arrays.equals(bytes, ((Digest) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "chain digest";
        }
    }

    private final long lifetimeMillis;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Per chain and judgement, the latest full handshake's entry (guarded by {@link #entries}). */
    private final Map<ChainKey, Entry> latest = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChainKey, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param sessionTimeoutSeconds GSK_V3_SESSION_TIMEOUT; 0 lets sessions resume for as long as the engine keeps them */
    public FirstVerdicts(int sessionTimeoutSeconds) {
        this.lifetimeMillis = sessionTimeoutSeconds == 0 ? Long.MAX_VALUE : sessionTimeoutSeconds * 1000L;
    }

    /** After a full handshake that judged the peer's chain. */
    public void remember(long createdMillis, List<X509Certificate> chain, SessionBinding binding, ChainVerdict verdict) {
        Digest digest = digest(chain);
        if (digest == null || verdict == null) {
            return;
        }
        long expires = lifetimeMillis == Long.MAX_VALUE ? Long.MAX_VALUE : createdMillis + lifetimeMillis;
        Codes codes = new Codes(verdict.status().code(), verdict.validationCode(), binding.unknownRevocationSubject());
        Entry entry = new Entry(codes, expires);
        synchronized (entries) {
            entries.put(new Key(createdMillis, digest, binding.judgement()), entry);
            latest.put(new ChainKey(digest, binding.judgement()), entry);
        }
    }

    /** The codes the session's full handshake recorded, or null when it is not known under this judgement. */
    public Codes recall(long createdMillis, List<X509Certificate> chain, SessionBinding binding, long nowMillis) {
        Digest digest = digest(chain);
        if (digest == null) {
            return null;
        }
        Key key = new Key(createdMillis, digest, binding.judgement());
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e == null) {
                e = latest.get(new ChainKey(digest, binding.judgement()));
                if (e == null || nowMillis >= e.expiresAtMillis()) {
                    return null;
                }
                return e.codes();
            }
            if (nowMillis >= e.expiresAtMillis()) {
                entries.remove(key);
                return null;
            }
            return e.codes();
        }
    }

    /** Sessions remembered (for tests). */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static Digest digest(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (X509Certificate c : chain) {
                byte[] der = c.getEncoded();
                md.update((byte) (der.length >>> 24));
                md.update((byte) (der.length >>> 16));
                md.update((byte) (der.length >>> 8));
                md.update((byte) der.length);
                md.update(der);
            }
            return new Digest(md.digest());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null; // not remembered: the session is judged again if it resumes
        }
    }
}
