package io.gsk4j.cli;

import io.gsk4j.cli.Choices.Usage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gsk4j store csr}: a new key and a certificate signing request for a CA to sign. */
@Command(name = "csr", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates a key under LABEL and writes a certificate signing request (PKCS#10, PEM) for it to --out."
                + " Send the request to the CA; put the certificate it returns under the same label with"
                + " 'gsk4j store receive'.",
            "Until then the key carries a self-signed placeholder certificate (as keytool's -genkeypair does), because"
                + " a store cannot hold a key without a certificate."})
final class StoreCsrCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    CertOptions cert;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the request (PEM).")
    Path out;

    @Option(names = "--usage", paramLabel = "server|client|both", defaultValue = "server",
            description = "Usage of the placeholder, and whether the CN becomes a SAN when --san is not given."
                    + " Default: ${DEFAULT-VALUE}.")
    Usage usage;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90", description = "Validity of the placeholder. Default: ${DEFAULT-VALUE}.")
    int days;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        var subject = cert.subject(cl);
        List<GeneralName> sans = cert.subjectAltNames(cl, usage.server());
        CertMaker.Validity validity = cert.validity(cl, days);
        StoreOptions.Opened opened = store.openOrCreate(cl);
        try {
            StoreEntries.requireFree(opened.keyStore(), cert.label, cert.replace, store.store);
            KeyPair keys = CertMaker.generate(cert.keyType, cl.getErr());
            X509Certificate placeholder = CertMaker.selfSigned(subject, keys, validity, usage, sans);
            String pem = request(keys, subject, sans);
            writeRequest(pem);
            StoreEntries.putKey(opened.keyStore(), cert.label, keys.getPrivate(), opened.password(), List.of(placeholder));
            KeyStoreFile.save(opened.keyStore(), store.store, opened.password());
            cl.getOut().println((opened.created() ? "created " + store.store + "; " : "") + "added the key \"" + cert.label
                    + "\" to " + store.store + " (with a self-signed placeholder)");
            cl.getOut().println("wrote the certificate request for " + placeholder.getSubjectX500Principal().getName() + " to " + out);
            cl.getOut().println("next: have a CA sign " + out + ", then: gsk4j store receive --store " + store.store
                    + " --label " + cert.label + " SIGNED.pem");
            cl.getOut().flush();
            return 0;
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }

    private static String request(KeyPair keys, org.bouncycastle.asn1.x500.X500Name subject, List<GeneralName> sans)
            throws CommandFailure {
        try {
            JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
            if (!sans.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            PKCS10CertificationRequest csr = b.build(
                    new JcaContentSignerBuilder(CertMaker.signatureAlgorithm(keys.getPrivate())).build(keys.getPrivate()));
            StringWriter text = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(text)) {
                w.writeObject(csr);
            }
            return text.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new CommandFailure("cannot make the certificate request: " + e.getMessage(), e);
        }
    }

    private void writeRequest(String pem) throws CommandFailure {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
