package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the certificate store an environment or session asks for, as gsk_environment_init
 * does: resolve the name, read the file, recognise its format, unlock it, pick the key.
 */
public final class StoreLoader {
    private StoreLoader() {
    }

    public static KeyMaterial load(StoreRequest request) throws GskException {
        Objects.requireNonNull(request, "request");
        try {
            StoreLocations locations = request.locations() != null ? request.locations() : StoreLocations.defaults();
            StoreTarget target = StoreTarget.of(request, locations);
            byte[] content = StoreFile.read(target.store());
            StoreFormat format = StoreFormat.detect(content, target.store());
            try (StorePassword password = StorePassword.of(request, target, locations)) {
                return open(format, content, password, target);
            }
        } catch (RuntimeException e) {
            // a provider or file-system surprise must still reach the C caller as a return code
            throw new GskException(GskStatus.GSK_INTERNAL_ERROR, "unexpected failure loading the certificate store", e);
        }
    }

    private static KeyMaterial open(StoreFormat format, byte[] content, StorePassword password, StoreTarget target)
            throws GskException {
        StoreContents contents = format == StoreFormat.PEM
                ? PemContents.open(content, password, target.store())
                : KeyStoreContents.open(format, content, password.require(target.store()), target.store());
        Optional<String> label = KeyChooser.choose(contents, target.label(), target.store());
        if (label.isEmpty()) {
            return KeyMaterial.trustOnly(contents.trustedCertificates(), target.store());
        }
        StoreContents.KeyEntry entry = contents.key(label.get());
        return KeyMaterial.withKey(entry.label(), entry.key(), entry.chain(), contents.trustedCertificates(), target.store());
    }
}
