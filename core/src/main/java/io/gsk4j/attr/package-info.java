/**
 * The number tables of the GSKit attribute API: one enum per C enum of gskssl.h
 * (GSK_BUF_ID, GSK_NUM_ID, GSK_ENUM_ID, GSK_ENUM_VALUE, GSK_CALLBACK_ID, GSK_CERT_ID,
 * GSK_CERT_DATA_ID, GSK_MISC_ID).
 *
 * <p>Numbers are copied from spec/attributes.md (and spec/functions.md for the misc IDs).
 * A trailing "HDR" comment marks a number known only from the header transcription, not
 * from an IBM page; "unverified" marks one no source confirmed.
 *
 * <p>Each attribute carries the metadata the core checks before acting on a call:
 * <ul>
 *   <li>an ID missing from its table: GSK_ATTRIBUTE_INVALID_ID;</li>
 *   <li>{@link io.gsk4j.attr.Scope} does not allow the handle kind, or a setter on a
 *       {@link io.gsk4j.attr.Access#READ_ONLY} ID: GSK_ATTRIBUTE_INVALID_ID;</li>
 *   <li>{@code supported() == false}: the ID exists on IBM i but is not honoured here,
 *       so the call gets GSK_ERROR_UNSUPPORTED.</li>
 * </ul>
 * Value checks (buffer length, numeric range, allowed enum values) live here too, so one
 * table owns every fact about an ID. Lookups by number and by name (aliases included) are
 * map look-ups built once at class load; duplicate numbers fail class loading.
 */
package io.gsk4j.attr;
