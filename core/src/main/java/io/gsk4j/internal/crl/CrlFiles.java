package io.gsk4j.internal.crl;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CRL files an environment names (GSK4J_CRL_FILES): paths separated by the platform's
 * path separator, each file PEM ("X509 CRL" blocks, any number) or one DER CRL. A file that is
 * missing or holds no CRL fails gsk_environment_init with GSK_IBMI_ERROR_CRL_INVALID, as a
 * mistyped revocation source must not silently check nothing.
 */
public final class CrlFiles {
    private CrlFiles() {
    }

    public static List<X509CRL> load(String list) throws GskException {
        List<X509CRL> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String name : list.split(Pattern.quote(File.pathSeparator))) {
            if (!name.isBlank()) {
                out.addAll(read(Path.of(name.strip())));
            }
        }
        return List.copyOf(out);
    }

    private static final Pattern CRL_BLOCK =
            Pattern.compile("-----BEGIN X509 CRL-----.*?-----END X509 CRL-----", Pattern.DOTALL);

    /**
     * The CRLs a PEM key store holds beside its keys and certificates ("X509 CRL" blocks); none
     * for other formats. A CRL block that does not parse fails like a CRL file.
     */
    public static List<X509CRL> inStore(Path store) throws GskException {
        if (store == null || !Files.isRegularFile(store)) {
            return List.of();
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(store);
            if (bytes.length == 0 || bytes[0] == 0x30) {
                return List.of(); // DER: PKCS#12 or another binary store
            }
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of(); // the store loader has read it already; nothing more to learn here
        }
        List<X509CRL> out = new ArrayList<>();
        Matcher m = CRL_BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add((X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.US_ASCII))));
            } catch (CRLException | CertificateException | RuntimeException e) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CRL_INVALID, "a CRL block of the store " + store + " does not parse", e);
            }
        }
        return List.copyOf(out);
    }

    static List<X509CRL> read(Path file) throws GskException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CRL_INVALID, "the CRL file " + file + " cannot be read", e);
        }
        List<X509CRL> out = new ArrayList<>();
        try {
            for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes))) {
                out.add((X509CRL) c);
            }
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CRL_INVALID, "the CRL file " + file + " holds no readable CRL", e);
        }
        if (out.isEmpty()) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CRL_INVALID, "the CRL file " + file + " holds no CRL");
        }
        return out;
    }
}
