package io.gsk4j.compat;

import io.gsk4j.CertValidationCallback;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.EnumValue;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** Turns the C-shaped callback structure into core's registration. */
final class ValidationCallbacks {
    private ValidationCallbacks() {
    }

    static CertValidationCallback toCore(ValidationCallBack area) {
        ValidationCallBack.Routine routine = area.validation_callback;
        // numbers that are no enum value at all become null, which core refuses as an invalid enumeration
        EnumValue required = EnumValue.fromCode(area.validateRequired).orElse(null);
        EnumValue needed = EnumValue.fromCode(area.certificateNeeded).orElse(null);
        return new CertValidationCallback((chain, status) -> {
            ByteArrayOutputStream der = new ByteArrayOutputStream();
            for (X509Certificate c : chain) {
                try {
                    der.writeBytes(c.getEncoded());
                } catch (CertificateEncodingException e) {
                    return GskStatus.GSK_ERROR_CERT_VALIDATION;
                }
            }
            int answer = routine.validate(der.toByteArray(), status.code());
            // C may return any number: 0 accepts, every other one refuses
            return answer == GskStatus.GSK_OK.code() ? GskStatus.GSK_OK
                    : GskStatus.fromCode(answer).orElse(GskStatus.GSK_ERROR_CERT_VALIDATION);
        }, required, needed);
    }
}
