/**
 * Asynchronous sessions: I/O completion ports (QsoCreateIOCompletionPort and its family).
 *
 * <p>{@link io.gsk4j.Session}'s {@code start*} methods start an operation and return a
 * {@link io.gsk4j.async.Started}; its result arrives as one {@link io.gsk4j.async.Completion}
 * on the {@link io.gsk4j.async.CompletionPort} named, with the same statuses and facts as the
 * synchronous call. The operations run on a small pool of gsk4j I/O threads
 * ({@link io.gsk4j.async.IoThreads}); the classes that do that work are package-private and
 * reach sessions only through {@code io.gsk4j.internal} ({@code AsyncEngine}, {@code AsyncSteps}).
 */
package io.gsk4j.async;
