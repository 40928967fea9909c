package io.gsk4j;

/**
 * Why a certificate store (or its stash file) could not be opened, when the status is
 * {@code GSK_KEYRING_OPEN_ERROR}: the fact behind the sentence, for programs that act on it.
 */
public enum StoreProblem {
    /** The store file does not exist. */
    MISSING,
    /** The path names a directory (or another non-file). */
    NOT_A_FILE,
    /** The file is none of PKCS#12, JKS, JCEKS or PEM (an IBM CMS .kdb, say). */
    UNKNOWN_FORMAT,
    /** The file has a known format but is empty, damaged or truncated. */
    DAMAGED,
    /** The stash file does not exist. */
    STASH_MISSING,
    /** The stash file exists but holds no usable password. */
    STASH_UNREADABLE,
    /** Another I/O failure reading the file, or a path gsk4j refuses. */
    UNREADABLE
}
