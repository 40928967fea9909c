package io.gsk4j.cli;

import java.nio.file.Path;

/**
 * The command that turns an IBM CMS key database into a PKCS#12 file gsk4j reads. gsk4j cannot
 * read CMS itself: IBM publishes no description of the format (see docs/PORTING.md).
 */
final class CmsConversion {
    private CmsConversion() {
    }

    /** GSKCapiCmd's documented export of a CMS database to PKCS#12, the .kdb's stash giving the password. */
    static String command(Path kdb) {
        String name = kdb.getFileName().toString();
        String base = name.substring(0, name.length() - ".kdb".length());
        return "gsk8capicmd_64 -cert -export -db " + name + " -stashed -type cms -target " + base + ".p12"
                + " -target_type pkcs12 -target_pw PASSWORD";
    }
}
