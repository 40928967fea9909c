/**
 * Not API: what sits under {@link io.gsk4j.Session} and {@link io.gsk4j.Environment}.
 * {@link io.gsk4j.internal.Connection} is a session's state machine and its one guarded call
 * into the engine driver; {@link io.gsk4j.internal.Sockets} the registry of sockets;
 * {@link io.gsk4j.internal.AttributeValues} an attribute set with its rules;
 * {@link io.gsk4j.internal.EnvironmentSnapshot} an initialised environment's frozen
 * configuration; {@link io.gsk4j.internal.HandshakeSetup} the engine built for one handshake.
 * The module does not export this package or those below it.
 */
package io.gsk4j.internal;
