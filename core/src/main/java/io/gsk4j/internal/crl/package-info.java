/**
 * Not API: certificate revocation lists, from files and from the CRL distribution points of
 * a certificate, for the revocation check of a chain.
 */
package io.gsk4j.internal.crl;
