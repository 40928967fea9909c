/**
 * gsk4j for programs that use JSSE directly: {@link io.gsk4j.Environment#sslContext()} gives
 * an environment as an {@link javax.net.ssl.SSLContext}, {@link io.gsk4j.jsse.Failures} turns
 * any TLS failure into gsk4j's status and facts. See docs/JSSE.md.
 */
package io.gsk4j.jsse;
