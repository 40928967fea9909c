package io.gsk4j.internal.validation;

/**
 * rfc822Name syntax and RFC 5280 §4.2.1.10 matching: a constraint is a mailbox
 * ("user@host"), all mailboxes at one host ("host"), or at any host below a domain (".domain").
 * Local parts compare exactly, hosts case-insensitively.
 */
final class EmailNames {
    private EmailNames() {
    }

    static boolean validMailbox(String s, boolean underscore) {
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return false;
        }
        return validLocal(s.substring(0, at)) && DnsNames.valid(s.substring(at + 1), underscore);
    }

    static boolean validConstraint(String s, boolean underscore) {
        // an asterisk is an ordinary character here: constraints have no wildcards (RFC 5280 §4.2.1.10)
        if (s.indexOf('@') >= 0) {
            return validMailbox(s, underscore);
        }
        String host = s.startsWith(".") ? s.substring(1) : s;
        return DnsNames.valid(host, underscore);
    }

    /** Printable ASCII; an '@' only inside a quoted local part (RFC 5321 §4.1.2). */
    private static boolean validLocal(String local) {
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        if (!quoted && local.indexOf('@') >= 0) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(String mailbox, String constraint) {
        int at = mailbox.lastIndexOf('@');
        if (at < 0) {
            return false; // not a mailbox: inside no subtree
        }
        String local = mailbox.substring(0, at);
        String host = DnsNames.lower(mailbox.substring(at + 1));
        int cAt = constraint.lastIndexOf('@');
        if (cAt >= 0) {
            return local.equals(constraint.substring(0, cAt)) && host.equals(DnsNames.lower(constraint.substring(cAt + 1)));
        }
        String c = DnsNames.lower(constraint);
        return c.startsWith(".") ? host.endsWith(c) : host.equals(c);
    }
}
