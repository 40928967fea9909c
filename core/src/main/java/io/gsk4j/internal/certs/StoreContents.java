package io.gsk4j.internal.certs;

import io.gsk4j.GskException;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A store that has been opened: its labels, its trust anchors, and access to one key. */
interface StoreContents {

    /** Labels of private-key entries, in store order. */
    List<String> keyLabels();

    /** Labels of entries that carry no private key (trusted certificates, secret keys). */
    List<String> otherLabels();

    List<X509Certificate> trustedCertificates();

    /** The key entry under a label taken from {@link #keyLabels()}. */
    KeyEntry key(String label) throws GskException;

    /** A private key with its chain, leaf first; the label as the store spells it. */
    record KeyEntry(String label, PrivateKey key, List<X509Certificate> chain) {
    }
}
