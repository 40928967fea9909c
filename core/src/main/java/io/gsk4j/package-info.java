/**
 * The Java API of gsk4j: IBM i's GSKit secure sockets on the JDK's SSLEngine.
 *
 * <p>An {@link io.gsk4j.Environment} holds the configuration (attributes, then
 * {@code init()} reads the certificate store); each {@link io.gsk4j.Session} secures one
 * connected socket (handshake, read, write, close). Both are an
 * {@link io.gsk4j.AttributeHandle}. A failure is a {@link io.gsk4j.GskException} whose
 * status ({@link io.gsk4j.GskStatus}) is IBM's number and whose other facts (errno, the
 * {@link io.gsk4j.TlsAlert} sent or received, the {@link io.gsk4j.CertificateProblem}, the
 * {@link io.gsk4j.Party} that refused) are fields, never text to parse. The value types here
 * ({@link io.gsk4j.CipherSpec}, {@link io.gsk4j.TlsProtocol}, {@link io.gsk4j.ValidationReason},
 * {@link io.gsk4j.StoreLocations}...) are what those calls take and return.
 */
package io.gsk4j;
