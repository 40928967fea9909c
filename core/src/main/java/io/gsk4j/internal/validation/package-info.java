/**
 * Not API: the certificate validation rules, one class per rule, each refusing a chain with
 * a {@link io.gsk4j.ValidationReason}; {@link io.gsk4j.internal.validation.ValidationRules}
 * runs them under a {@link io.gsk4j.internal.validation.ValidationPolicy}.
 */
package io.gsk4j.internal.validation;
