package io.gsk4j.spi;

/**
 * Supplies the engines of one kind of TLS implementation, found with
 * {@link java.util.ServiceLoader} (a module {@code provides} it; on the class path a
 * {@code META-INF/services/io.gsk4j.spi.TlsEngineFactory} entry names it).
 */
public interface TlsEngineFactory {

    /**
     * The engine's name as {@code gsk4j.engine} and {@code GSK4J_TLS_ENGINE} know it, lower
     * case: {@code "jsse"}, {@code "boringssl"}.
     */
    String name();

    /**
     * The engines of one environment, made once at {@code gsk_environment_init}.
     *
     * @throws Exception (or a {@link LinkageError}) when the engine cannot work here: its native
     *     library is missing or refused, the platform is unsupported. The environment then runs
     *     on SunJSSE and reports the reason; it never fails because of it.
     */
    TlsEngineSource open(TlsEngineSettings settings) throws Exception;
}
