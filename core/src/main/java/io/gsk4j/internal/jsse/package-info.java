/**
 * Not API: what stands behind {@link io.gsk4j.Environment#sslContext()}, an initialised
 * environment's configuration offered to JSSE programs as an {@code SSLContext}.
 */
package io.gsk4j.internal.jsse;
