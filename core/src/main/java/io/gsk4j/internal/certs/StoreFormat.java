package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.StoreProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The store formats readable here, recognised by content: users rename files freely. */
enum StoreFormat {
    JKS("JKS"),
    JCEKS("JCEKS"),
    PKCS12("PKCS12"),
    PEM(null);

    /** The JDK KeyStore type, or null when BouncyCastle's PEM reader handles the format. */
    final String keyStoreType;

    StoreFormat(String keyStoreType) {
        this.keyStoreType = keyStoreType;
    }

    static StoreFormat detect(byte[] content, Path file) throws GskException {
        if (content.length == 0) {
            throw GskException.store(StoreProblem.DAMAGED, "certificate store " + file + " is empty", null);
        }
        if (startsWith(content, 0xFE, 0xED, 0xFE, 0xED)) {
            return JKS;
        }
        if (startsWith(content, 0xCE, 0xCE, 0xCE, 0xCE)) {
            return JCEKS;
        }
        if (looksLikeDerSequence(content)) {
            return PKCS12;
        }
        if (new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN")) {
            return PEM;
        }
        throw GskException.store(StoreProblem.UNKNOWN_FORMAT, "certificate store " + file
                + " is not in a format readable here (PKCS#12, JKS, JCEKS or PEM); an IBM CMS key database (.kdb)"
                + " must be exported to PKCS#12 first, e.g. with DCM or gsk8capicmd -cert -export -target_type pkcs12", null);
    }

    /**
     * A PFX is one SEQUENCE. Its length is usually in long form (or BER indefinite); text never
     * has a byte >= 0x80 there, so a PEM file starting with "0" is safe. An empty store can be
     * short enough for the short form: then the length must cover exactly the rest of the file.
     */
    private static boolean looksLikeDerSequence(byte[] content) {
        if (content.length < 2 || (content[0] & 0xFF) != 0x30) {
            return false;
        }
        int length = content[1] & 0xFF;
        return (length >= 0x80 && length <= 0x84) || length == content.length - 2;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
