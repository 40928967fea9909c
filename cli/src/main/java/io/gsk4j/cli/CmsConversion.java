package io.gsk4j.cli;

import java.nio.file.Path;

/** The command that turns an IBM CMS key database into a PKCS#12 file gsk4j reads (gsk4j cannot read CMS itself). */
final class CmsConversion {
    private CmsConversion() {
    }

    /** gsk8capicmd's documented conversion, the .kdb's stash giving the password. */
    static String command(Path kdb) {
        String name = kdb.getFileName().toString();
        String base = name.substring(0, name.length() - ".kdb".length());
        return "gsk8capicmd_64 -keydb -convert -db " + name + " -stashed -new_db " + base + ".p12 -new_format pkcs12"
                + " -new_pw PASSWORD";
    }
}
