/**
 * Not API: certificate stores (PKCS#12, JKS, PEM, IBM stash files, the *SYSTEM store and
 * application IDs), the key and trust managers the engine calls, path building and the
 * {@link io.gsk4j.internal.certs.ChainValidator} that judges a peer's chain.
 */
package io.gsk4j.internal.certs;
