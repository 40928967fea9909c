package io.gsk4j.internal.crl;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

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
        for (String name : list.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!name.isBlank()) {
                out.addAll(read(Path.of(name.strip())));
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
