/**
 * Not API: OCSP, the online revocation check (request, HTTP transport within a time budget,
 * response verification, cache).
 */
package io.gsk4j.internal.ocsp;
