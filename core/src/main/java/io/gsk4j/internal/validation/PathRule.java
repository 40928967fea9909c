package io.gsk4j.internal.validation;

/** One family of checks over a whole path; null when the path passes. */
interface PathRule {
    Violation check(ValidationPath path);
}
