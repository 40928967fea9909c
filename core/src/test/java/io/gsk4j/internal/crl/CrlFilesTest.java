package io.gsk4j.internal.crl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.CrlBuilder;
import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading GSK4J_CRL_FILES and the CRL blocks of a PEM store. */
class CrlFilesTest {
    @TempDir
    Path dir;

    private final Issued ca = CertBuilder.ca("O=gsk4j tests,CN=CRL Files CA").selfSigned();

    @Test
    void pemWithSeveralListsDerAndAPathList() throws Exception {
        X509CRL one = CrlBuilder.by(ca).number(BigInteger.ONE).build();
        X509CRL two = CrlBuilder.by(ca).number(BigInteger.TWO).build();
        Path pem = dir.resolve("two.pem");
        Files.writeString(pem, CrlBuilder.pem(one) + CrlBuilder.pem(two));
        Path der = dir.resolve("one.crl");
        Files.write(der, one.getEncoded());
        assertEquals(3, CrlFiles.load(pem + File.pathSeparator + der + File.pathSeparator).size());
        assertTrue(CrlFiles.load(null).isEmpty());
        assertTrue(CrlFiles.load("  ").isEmpty());
    }

    @Test
    void aMissingEmptyOrForeignFileIsCrlInvalid() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.crl"), "");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "not a CRL at all");
        for (Path p : new Path[] {dir.resolve("missing.crl"), empty, cert}) {
            GskException e = assertThrows(GskException.class, () -> CrlFiles.load(p.toString()));
            assertEquals(GskStatus.GSK_IBMI_ERROR_CRL_INVALID.code(), e.code(), p.toString());
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }

    @Test
    void aPemStoreMayHoldListsOtherStoresCannot() throws Exception {
        Path pemStore = Files.writeString(dir.resolve("store.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
                + CrlBuilder.pem(CrlBuilder.by(ca).build()));
        assertEquals(1, CrlFiles.inStore(pemStore).size());
        Path binary = Files.write(dir.resolve("store.p12"), new byte[] {0x30, (byte) 0x82, 0x01, 0x00});
        assertTrue(CrlFiles.inStore(binary).isEmpty());
        assertTrue(CrlFiles.inStore(dir.resolve("nowhere.pem")).isEmpty());
        Path broken = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");
        assertEquals(GskStatus.GSK_IBMI_ERROR_CRL_INVALID.code(),
                assertThrows(GskException.class, () -> CrlFiles.inStore(broken)).code());
    }
}
