package io.gsk4j.internal.validation;

import com.google.common.net.InternetDomainName;

/**
 * The whole Public Suffix List (its ICANN and private sections), so that neither "*.co.uk" nor
 * "*.github.io" matches. The list comes from Guava, which ships a current copy with each
 * release; the JDK's own copy is reachable only through an internal class and an undocumented
 * file format, so it is not used.
 */
final class PublicSuffixes {
    private PublicSuffixes() {
    }

    /**
     * name (lower-case, no trailing dot) is a public suffix: a single label (every TLD, listed or
     * not) or an entry of the list. A name the list's parser refuses is no suffix it knows.
     */
    static boolean isPublicSuffix(String name) {
        if (name.indexOf('.') < 0) {
            return true;
        }
        if (!InternetDomainName.isValid(name)) {
            return false;
        }
        return InternetDomainName.from(name).isPublicSuffix();
    }
}
