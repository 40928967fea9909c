package io.gsk4j.internal.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path building: every candidate issuer, backtracking, shortest path first, bounded work. */
class PathBuildingTest {
    private static final ValidationPolicy DEFAULT = ValidationPolicy.defaults(Purpose.SERVER);

    private static ChainVerdict judge(List<X509Certificate> trusted, X509Certificate... sent) {
        return new ChainValidator(trusted).validate(sent, new Date(), DEFAULT);
    }

    @Test
    void aCrossSignedIntermediateWhoseFirstIssuerIsUntrustedIsTriedAgainstTheOther() {
        Issued oldRoot = CertBuilder.ca("O=gsk4j tests,CN=Old Root").selfSigned();
        Issued newRoot = CertBuilder.ca("O=gsk4j tests,CN=New Root").selfSigned();
        KeyPair interKey = CertBuilder.ca("CN=key holder").selfSigned().keys();
        // the same logical CA (name and key) certified by both roots
        Issued byOld = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").key(interKey).issuedBy(oldRoot);
        Issued byNew = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").key(interKey).issuedBy(newRoot);
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(byOld);
        // the store trusts only the new root; the peer sends the old-root version first
        ChainVerdict v = judge(List.of(newRoot.cert()), leaf.cert(), byOld.cert(), byNew.cert());
        assertTrue(v.ok(), v::reason);
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, judge(List.of(newRoot.cert()), leaf.cert(), byOld.cert()).status());
    }

    @Test
    void anExpiredAlternativeIsPassedOverForAValidOne() {
        Instant now = Instant.now();
        Issued rootA = CertBuilder.ca("O=gsk4j tests,CN=Root A").selfSigned();
        Issued rootB = CertBuilder.ca("O=gsk4j tests,CN=Root B").selfSigned();
        KeyPair interKey = CertBuilder.ca("CN=key holder").selfSigned().keys();
        Issued expired = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").key(interKey)
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))).issuedBy(rootA);
        Issued current = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").key(interKey).issuedBy(rootB);
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(current);
        ChainVerdict v = judge(List.of(rootA.cert(), rootB.cert()), leaf.cert(), expired.cert(), current.cert());
        assertTrue(v.ok(), v::reason);
        // with only the expired way to a trusted root, the best failed path's reason is reported
        ChainVerdict onlyExpired = judge(List.of(rootA.cert()), leaf.cert(), expired.cert(), current.cert());
        assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED, onlyExpired.status(), onlyExpired::reason);
    }

    @Test
    void theShortestPathWinsWhenTheIntermediateIsItselfTrusted() {
        Issued root = CertBuilder.ca("O=gsk4j tests,CN=Root").selfSigned();
        Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").issuedBy(root);
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(inter);
        // a depth of 1 allows only leaf -> anchor: the trusted intermediate must be chosen over the root
        ChainVerdict v = new ChainValidator(List.of(root.cert(), inter.cert()))
                .validate(new X509Certificate[] {leaf.cert(), inter.cert()}, new Date(), DEFAULT.withMaxDepth(1));
        assertTrue(v.ok(), v::reason);
    }

    @Test
    void aSignatureThatNoNamedIssuerVerifiesIsABadCertificate() {
        Issued root = CertBuilder.ca("O=gsk4j tests,CN=Root").selfSigned();
        Issued impostor = CertBuilder.ca("O=gsk4j tests,CN=Root").selfSigned();
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(impostor);
        assertEquals(GskStatus.GSK_ERROR_BAD_CERTIFICATE, judge(List.of(root.cert()), leaf.cert()).status());
    }

    @Test
    void aSameNamedCertificateWithAnotherKeyDoesNotTurnAnUntrustedRootIntoABadSignature() {
        Issued stranger = CertBuilder.ca("O=gsk4j tests,CN=Stranger Root").selfSigned();
        Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").issuedBy(stranger);
        Issued renewed = CertBuilder.ca("O=gsk4j tests,CN=Issuing CA").issuedBy(stranger); // same name, another key
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(inter);
        Issued trusted = CertBuilder.ca("O=gsk4j tests,CN=Root").selfSigned();
        ChainVerdict v = judge(List.of(trusted.cert()), leaf.cert(), renewed.cert(), inter.cert());
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, v.status(), v::reason);
        assertTrue(v.passableInPassthru());
    }

    @Test
    void aMeshOfCrossSigningCasIsGivenUpQuickly() {
        // 30 CAs of one name, each certifying every other: exponentially many paths, none to the store
        List<Issued> mesh = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mesh.add(CertBuilder.ca("O=gsk4j tests,CN=Mesh CA").selfSigned());
        }
        List<X509Certificate> sent = new ArrayList<>();
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(mesh.get(0));
        sent.add(leaf.cert());
        for (Issued a : mesh) {
            for (Issued b : mesh) {
                if (a != b && sent.size() < 33) {
                    sent.add(CertBuilder.ca("O=gsk4j tests,CN=Mesh CA").key(a.keys()).issuedBy(b).cert());
                }
            }
        }
        Issued trusted = CertBuilder.ca("O=gsk4j tests,CN=Unrelated Root").selfSigned();
        ChainVerdict v = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> judge(List.of(trusted.cert()), sent.toArray(new X509Certificate[0])));
        assertFalse(v.ok());
    }
}
