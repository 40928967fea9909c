/**
 * Not API: the engine room. {@link io.gsk4j.internal.engine.TlsDriver} is the only class that
 * calls {@code SSLEngine}; {@link io.gsk4j.internal.engine.ErrorMapper} turns what the engine
 * and the socket throw into statuses, called for sessions from one place
 * ({@link io.gsk4j.internal.Connection}) and for JSSE programs from
 * {@link io.gsk4j.jsse.Failures}.
 */
package io.gsk4j.internal.engine;
