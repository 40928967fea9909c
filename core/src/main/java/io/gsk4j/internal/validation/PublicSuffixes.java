package io.gsk4j.internal.validation;

import java.util.Set;

/**
 * A small built-in list of multi-label public suffixes, so that "*.co.uk" never matches.
 * Single-label suffixes (every TLD) need no list: a wildcard must have two labels or more after
 * it. This is deliberately not the full Public Suffix List (thousands of entries, changing
 * weekly); it covers the registries and hosting suffixes most often met. docs/VALIDATION.md
 * states the limit.
 */
final class PublicSuffixes {
    private static final Set<String> MULTI_LABEL = Set.of(
            // ICANN second-level registries
            "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk", "nhs.uk", "police.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
            "co.nz", "org.nz", "net.nz", "govt.nz", "ac.nz", "school.nz",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
            "com.br", "net.br", "org.br", "gov.br", "edu.br",
            "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn",
            "co.in", "net.in", "org.in", "gov.in", "ac.in", "firm.in", "gen.in", "ind.in",
            "co.za", "org.za", "gov.za", "ac.za", "net.za",
            "com.mx", "org.mx", "gob.mx", "edu.mx", "net.mx",
            "co.kr", "or.kr", "go.kr", "ac.kr", "ne.kr",
            "com.tw", "org.tw", "gov.tw", "edu.tw", "net.tw",
            "com.hk", "org.hk", "gov.hk", "edu.hk", "net.hk",
            "com.sg", "org.sg", "gov.sg", "edu.sg", "net.sg",
            "com.tr", "org.tr", "gov.tr", "edu.tr", "net.tr",
            "com.ar", "gob.ar", "org.ar", "com.co", "gov.co", "com.pe", "gob.pe",
            "co.il", "org.il", "ac.il", "gov.il", "net.il",
            "co.id", "or.id", "ac.id", "go.id", "web.id",
            "com.my", "gov.my", "edu.my", "com.ph", "gov.ph", "com.vn", "gov.vn",
            "com.ua", "gov.ua", "com.pl", "net.pl", "org.pl", "gov.pl",
            "co.at", "or.at", "gv.at", "ac.at", "co.th", "ac.th", "go.th", "in.th",
            "com.eg", "gov.eg", "com.sa", "gov.sa", "com.pk", "gov.pk", "com.ng", "gov.ng", "co.ke", "go.ke",
            "com.es", "org.es", "gob.es", "co.it", "gov.it", "com.pt", "gov.pt", "com.gr", "gov.gr",
            "com.ru", "org.ru", "net.ru", "co.ua",
            // private-section hosting suffixes where neighbours are different owners
            "github.io", "githubusercontent.com", "gitlab.io", "herokuapp.com", "appspot.com", "blogspot.com",
            "azurewebsites.net", "cloudapp.net", "azurestaticapps.net", "trafficmanager.net", "blob.core.windows.net",
            "cloudfront.net", "s3.amazonaws.com", "elasticbeanstalk.com", "firebaseapp.com", "web.app",
            "netlify.app", "vercel.app", "pages.dev", "workers.dev", "fly.dev", "onrender.com", "readthedocs.io",
            "ngrok.io", "ngrok.app");

    private PublicSuffixes() {
    }

    /** name (lower-case) is a public suffix as far as this list knows. */
    static boolean isPublicSuffix(String name) {
        return name.indexOf('.') < 0 || MULTI_LABEL.contains(name);
    }
}
