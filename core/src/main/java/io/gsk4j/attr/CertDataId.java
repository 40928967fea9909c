package io.gsk4j.attr;

import java.util.Map;
import java.util.Optional;

/**
 * GSK_CERT_DATA_ID: the field carried by one gsk_cert_data_elem (spec/attributes.md 5.3).
 * 600-619 and 650 are in the V6R1 manual; the rest come from the header only (HDR), and their
 * availability per IBM i release is unverified.
 */
public enum CertDataId {

    CERT_BODY_DER(600, true),
    CERT_BODY_BASE64(601),
    CERT_SERIAL_NUMBER(602),
    CERT_COMMON_NAME(610),
    CERT_LOCALITY(611),
    CERT_STATE_OR_PROVINCE(612),
    CERT_COUNTRY(613),
    CERT_ORG(614),
    CERT_ORG_UNIT(615),
    CERT_DN_PRINTABLE(616),
    CERT_DN_DER(617, true),
    CERT_POSTAL_CODE(618),
    CERT_EMAIL(619),
    CERT_ISSUER_COMMON_NAME(650),
    CERT_ISSUER_LOCALITY(651), // HDR
    CERT_ISSUER_STATE_OR_PROVINCE(652), // HDR
    CERT_ISSUER_COUNTRY(653), // HDR
    CERT_ISSUER_ORG(654), // HDR
    CERT_ISSUER_ORG_UNIT(655), // HDR
    CERT_ISSUER_DN_PRINTABLE(656), // HDR + curl
    CERT_ISSUER_DN_DER(657, true), // HDR
    CERT_ISSUER_POSTAL_CODE(658), // HDR
    CERT_ISSUER_EMAIL(659), // HDR
    CERT_VERSION(660), // HDR
    CERT_SIGNATURE_ALGORITHM(661), // HDR
    CERT_VALID_FROM(662), // HDR + curl
    CERT_VALID_TO(663), // HDR + curl
    CERT_PUBLIC_KEY_ALGORITHM(664), // HDR
    CERT_PUBLIC_KEY(665), // HDR; encoding unverified, emitted as text
    CERT_PUBLIC_KEY_SIZE(666), // HDR
    CERT_FINGERPRINT_ALGORITHM(667), // HDR
    CERT_FINGERPRINT(668), // HDR
    CERT_ISSUER_UNIQUEID(669), // HDR
    CERT_SUBJECT_UNIQUEID(670), // HDR
    CERT_KEY_USAGE(671), // HDR
    CERT_SUBJECT_ALTERNATIVE_NAME_RFC822NAME(672), // HDR
    CERT_SUBJECT_ALTERNATIVE_NAME_DNSNAME(673), // HDR
    CERT_SUBJECT_ALTERNATIVE_NAME_DIRECTORYNAME(674), // HDR
    CERT_SUBJECT_ALTERNATIVE_NAME_URI(675), // HDR
    CERT_SUBJECT_ALTERNATIVE_NAME_IPADDRESS(676), // HDR
    CERT_CERTIFICATE_POLICY_POLICYIDENTIFIER(677), // HDR
    CERT_BASIC_CONSTRAINTS_CA(678), // HDR
    CERT_BASIC_CONSTRAINTS_PATH_LENGTH_CONSTRAINT(679), // HDR
    CERT_CRL_DISTRIBUTION_POINTS_DISTRIBUTIONPOINTNAME(680), // HDR
    CERT_VALID_FROM_EX(681), // HDR
    CERT_VALID_TO_EX(682); // HDR

    private static final Map<Integer, CertDataId> BY_ID = Tables.byId(values(), CertDataId::id);

    private final int id;
    private final boolean binary;

    CertDataId(int id) {
        this(id, false);
    }

    CertDataId(int id, boolean binary) {
        this.id = id;
        this.binary = binary;
    }

    /** The GSK_CERT_DATA_ID number. */
    public int id() {
        return id;
    }

    /** True for DER fields; everything else is character data in the job CCSID. */
    public boolean binary() {
        return binary;
    }

    /** The element ID with this number, if any. */
    public static Optional<CertDataId> fromId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
