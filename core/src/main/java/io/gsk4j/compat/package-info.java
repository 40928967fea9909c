/**
 * The C-shaped API: gskssl.h's {@code gsk_*} functions and constants as static Java methods
 * ({@link io.gsk4j.compat.Gsk}, {@link io.gsk4j.compat.GskSslConstants}), holders for C
 * output parameters, and the Qso completion-port calls, so a GSKit program ports line for
 * line. The functions never throw: they return IBM's numbers and set errno per thread;
 * {@code Gsk.lastFailure()} keeps the facts behind the last failure.
 */
package io.gsk4j.compat;
