/**
 * The TLS engine SPI: how a module other than core supplies the {@code SSLEngine}s gsk4j's
 * sessions run on. gsk4j's own factory is SunJSSE's (the default); the {@code gsk4j-boringssl}
 * module adds BoringSSL. An environment chooses with {@code GSK4J_TLS_ENGINE} or, when the
 * program leaves it unset, the system property {@code gsk4j.engine}; see
 * {@link io.gsk4j.Environment#engine()}.
 *
 * <p>A factory is given gsk4j's own key and trust managers and must hand every key choice and
 * every chain judgement to them, passing the engine it created: gsk4j finds a session's key,
 * labels, validation profile, callback and OCSP settings by that engine.
 */
package io.gsk4j.spi;
