package io.gsk4j;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every named rule gsk4j's validator can refuse a chain by, with the number a program reads in
 * {@code GSK_CERTIFICATE_VALIDATION_CODE} / {@code GSK_LAST_VALIDATION_ERROR}.
 *
 * <p>Numbers: where GSKit's own header (spec/return-codes.md §3.1, the S3 transcription) has a
 * {@code GSKVAL_ERROR_*} code for the same condition, that number (575xxx); otherwise a gsk4j
 * number from 576001 up, a range GSKit does not use. Numbers are stable: never reuse or renumber
 * one, only add. The untrusted root (6000), a bad signature (404) and a certificate outside its
 * validity period (107) are not here: as on IBM i, their status number is their validation code.
 */
public enum ValidationReason {
    // --- GSKVAL_ERROR_* numbers from the GSKit header ---
    UNKNOWN_CRITICAL_EXTENSION(575019, "GSKVAL_ERROR_UNKNOWN_CRIT_XTNS", "RFC 5280 §4.2",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a certificate carries a critical extension gsk4j does not process"),
    AKI_SERIAL_MISMATCH(575022, "GSKVAL_ERROR_SERIAL_NUMBERS_DONT_MATCH", "RFC 5280 §4.2.1.1",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the authority key identifier names another serial number than the issuer's"),
    KEY_IDS_DONT_MATCH(575023, "GSKVAL_ERROR_KEY_IDS_DONT_MATCH", "RFC 5280 §4.2.1.1, §4.2.1.2",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the authority key identifier differs from the issuer's subject key identifier"),
    ISSUER_NOT_CA(575025, "GSKVAL_ERROR_BASIC_CONTRAINTS_NOT_CA", "RFC 5280 §4.2.1.9, §6.1.4(k)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "an issuing certificate has no basicConstraints with cA=TRUE"),
    PATHLEN_WITHOUT_CA(575026, "GSKVAL_ERROR_PATHLENGTH_WITH_NONCA", "RFC 5280 §4.2.1.9",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "basicConstraints has a path length but cA=FALSE"),
    PATHLEN_EXCEEDED(575027, "GSKVAL_ERROR_BASIC_CONSTRAINTS_PATHLENGTH_EXCEEEDED", "RFC 5280 §4.2.1.9, §6.1.4(l)(m)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "more intermediate CAs below a CA than its path length allows"),
    ISSUER_CANNOT_SIGN_CERTIFICATES(575028, "GSKVAL_ERROR_NO_SIGN_AUTH", "RFC 5280 §4.2.1.3, §6.1.4(n)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "an issuing certificate's key usage lacks keyCertSign"),
    MALFORMED_SUBJECT_ALT_NAME(575030, "GSKVAL_ERROR_UNRECOGNIZED_SUBJECTALTNAME", "RFC 5280 §4.2.1.6",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the subjectAltName extension is malformed or holds a malformed name"),
    REVOKED(575032, "GSKVAL_ERROR_REVOKED_CERT", "RFC 5280 §6.3; RFC 6960",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the issuer says the certificate is revoked (a CRL or OCSP)"),
    NAME_NOT_PERMITTED(575047, "GSKVAL_ERROR_NAME_NOT_PERMITTED", "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a name is outside the permitted subtrees of a CA's name constraints"),
    NAME_EXCLUDED(575048, "GSKVAL_ERROR_NAME_EXCLUDED", "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a name is inside the excluded subtrees of a CA's name constraints"),
    CA_BASIC_CONSTRAINTS_NOT_CRITICAL(575049, "GSKVAL_ERROR_CA_MISSING_CRITICAL_BASIC_CONSTRAINT", "RFC 5280 §4.2.1.9",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA certificate's basicConstraints is not marked critical"),
    NAME_CONSTRAINTS_MINIMUM_NOT_ZERO(575051, "GSKVAL_ERROR_NAME_CONSTRAINTS_MIN_NOT_ZERO", "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a name constraint subtree has a minimum other than zero"),
    NAME_CONSTRAINTS_MAXIMUM_PRESENT(575052, "GSKVAL_ERROR_NAME_CONSTRAINTS_MAX_PRESENT", "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a name constraint subtree has a maximum"),
    UNSUPPORTED_NAME_CONSTRAINT(575053, "GSKVAL_ERROR_UNSUPPORTED_NAME_CONSTRAINT", "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a name form is constrained that gsk4j cannot check, and the path uses that form"),
    EKU_PURPOSE_NOT_ALLOWED(575062, "GSKVAL_ERROR_EXTKEYUSG_BADAUTH", "RFC 5280 §4.2.1.12; BR 7.1.2.7.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate's extended key usage does not allow this side of TLS"),

    // --- gsk4j numbers ---
    CHAIN_TOO_LONG(576001, null, "RFC 5280 §6.1 (relying-party limit)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the path below the trust anchor is longer than the maximum chain depth"),
    SERIAL_NOT_POSITIVE(576002, null, "RFC 5280 §4.1.2.2; BR 7.1",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the serial number is zero or negative"),
    SERIAL_TOO_LONG(576003, null, "RFC 5280 §4.1.2.2",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the serial number is longer than 20 octets"),
    CA_NOT_VERSION_3(576004, null, "RFC 5280 §4.1.2.1, §6.1.4(k)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a version 1 or 2 certificate is used as a CA"),
    NOT_VERSION_3(576005, null, "BR 7.1.1",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the end-entity certificate is not version 3"),
    VALIDITY_WRONG_TIME_TYPE(576006, null, "RFC 5280 §4.1.2.5",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a validity date before 2050 is not UTCTime, or one from 2050 on is not GeneralizedTime"),
    VALIDITY_TIME_FORMAT(576007, null, "RFC 5280 §4.1.2.5.1, §4.1.2.5.2",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a validity date is not YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ (seconds present, Zulu time)"),
    VALIDITY_FRACTIONAL_SECONDS(576008, null, "RFC 5280 §4.1.2.5.2",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a GeneralizedTime validity date has fractional seconds"),
    MALFORMED_AUTHORITY_INFO_ACCESS(576009, null, "RFC 5280 §4.2.2.1",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the authorityInfoAccess extension is malformed or critical"),
    EXTENSION_MALFORMED(576010, null, "RFC 5280 §4.2",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "an extension gsk4j checks (basicConstraints, key usage, EKU, key identifiers) does not decode"),
    AKI_MISSING(576011, null, "RFC 5280 §4.2.1.1",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a certificate below the trust anchor has no authority key identifier"),
    AKI_CRITICAL(576012, null, "RFC 5280 §4.2.1.1",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the authority key identifier is marked critical"),
    AKI_WITHOUT_KEY_ID(576013, null, "BR 7.1.2.11.1",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the authority key identifier has no keyIdentifier field"),
    SKI_MISSING(576014, null, "RFC 5280 §4.2.1.2",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA certificate has no subject key identifier"),
    SKI_CRITICAL(576015, null, "RFC 5280 §4.2.1.2",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the subject key identifier is marked critical"),
    CA_KEY_USAGE_MISSING(576016, null, "RFC 5280 §4.2.1.3",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA certificate has no key usage extension"),
    CA_KEY_USAGE_NOT_CRITICAL(576017, null, "BR 7.1.2.10.7",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA certificate's key usage is not marked critical"),
    LEAF_IS_CA(576018, null, "BR 7.1.2.7.8",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate is a CA certificate (cA=TRUE)"),
    KEY_CERT_SIGN_WITHOUT_CA(576019, null, "RFC 5280 §4.2.1.3, §4.2.1.9",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate asserts keyCertSign without cA=TRUE"),
    EKU_MISSING(576020, null, "BR 7.1.2.7.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate has no extended key usage extension"),
    EKU_ANY_IN_LEAF(576021, null, "BR 7.1.2.7.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate asserts anyExtendedKeyUsage"),
    CA_EKU_EXCLUDES_PURPOSE(576022, null, "BR 7.1.2.10.6, 7.1.2.1",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA's extended key usage does not include this side of TLS"),
    NAME_CONSTRAINTS_IN_LEAF(576023, null, "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate carries name constraints"),
    NAME_CONSTRAINTS_MALFORMED(576024, null, "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a name constraint is malformed (wildcard, leading dot, bad address or mask, empty)"),
    NAME_CONSTRAINTS_TOO_COMPLEX(576025, null, "gsk4j limit (RFC 5280 §4.2.1.10)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "checking the names against the constraints would take more comparisons than gsk4j allows"),
    HOSTNAME_MISMATCH(576026, null, "RFC 6125 §6",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the certificate does not name the expected host"),
    HOSTNAME_INVALID(576027, null, "RFC 6125 §6.2; RFC 1123 §2.1",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the expected host name is neither a valid DNS name nor a plain IP address"),
    WEAK_KEY(576028, null, "BR 6.1.5",
            GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE, "an RSA or DSA key is shorter than 2048 bits"),
    KEY_SIZE_NOT_MULTIPLE_OF_8(576029, null, "BR 6.1.5",
            GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE, "an RSA or DSA modulus length is not a multiple of 8 bits"),
    WEAK_SIGNATURE_ALGORITHM(576030, null, "BR 7.1.3.2",
            GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE, "a certificate below the trust anchor is signed with SHA-1 or MD5"),
    NAME_CONSTRAINTS_NOT_CRITICAL(576031, null, "RFC 5280 §4.2.1.10",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA's nameConstraints extension is not marked critical"),
    POLICY_CONSTRAINTS_NOT_CRITICAL(576032, null, "RFC 5280 §4.2.1.11",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CA's policyConstraints extension is not marked critical"),
    ROOT_AKI_MALFORMED(576033, null, "BR 7.1.2.1.3",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a root's authority key identifier is not just its own key identifier"),
    CN_NOT_IN_SAN(576034, null, "BR 7.1.4.3",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the subject common name is not a subjectAltName value written the same way"),
    EKU_CRITICAL(576035, null, "BR 7.1.2.7.6",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the end-entity certificate's extended key usage is marked critical"),
    SAN_CRITICAL_WITH_SUBJECT(576036, null, "RFC 5280 §4.2.1.6; BR 7.1.2.7.12",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the subjectAltName is critical although the subject is not empty"),
    ROOT_HAS_EKU(576037, null, "BR 7.1.2.1.2",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a root CA certificate carries an extended key usage"),
    KEY_ALGORITHM_NOT_ALLOWED(576038, null, "BR 6.1.5, 7.1.3.1",
            GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE, "a DSA key, which the web PKI does not allow"),
    CRL_NUMBER_MISSING(576039, null, "RFC 5280 §5.2.3",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the issuer's CRL has no CRL number"),
    CRL_NUMBER_CRITICAL(576040, null, "RFC 5280 §5.2.3",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the issuer's CRL marks its CRL number critical"),
    CRL_ISSUER_CANNOT_SIGN_CRLS(576041, null, "RFC 5280 §4.2.1.3, §6.3.3(f)",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "a CRL is signed by a certificate whose key usage lacks cRLSign"),
    CRL_UNUSABLE(576042, null, "RFC 5280 §5.2",
            GskStatus.GSK_ERROR_CERT_VALIDATION, "the issuer's CRL has a critical extension gsk4j does not process");

    private static final Map<Integer, ValidationReason> BY_CODE = new HashMap<>();

    static {
        for (ValidationReason r : values()) {
            if (BY_CODE.put(r.code, r) != null) {
                throw new ExceptionInInitializerError("duplicate validation code " + r.code);
            }
        }
    }

    private final int code;
    private final String gskitName;
    private final String section;
    private final GskStatus status;
    private final String explanation;

    ValidationReason(int code, String gskitName, String section, GskStatus status, String explanation) {
        this.code = code;
        this.gskitName = gskitName;
        this.section = section;
        this.status = status;
        this.explanation = explanation;
    }

    /** The validation code programs read. */
    public int code() {
        return code;
    }

    /** GSKit's own constant name for this number, or empty for a gsk4j number. */
    public Optional<String> gskitName() {
        return Optional.ofNullable(gskitName);
    }

    /** The RFC 5280 / CA/Browser Forum Baseline Requirements section the rule comes from. */
    public String section() {
        return section;
    }

    /** The status {@code gsk_secure_soc_init} returns when this rule refuses the chain. */
    public GskStatus status() {
        return status;
    }

    /** One line for people. */
    public String explanation() {
        return explanation;
    }

    /** The rule behind a validation code (575xxx or 576xxx); empty for any other number. */
    public static Optional<ValidationReason> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
