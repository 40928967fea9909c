package io.gsk4j.internal;

import io.gsk4j.CipherSpec;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.BufferAttribute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns GSKit's per-protocol cipher attributes into one ordered list for the engine.
 *
 * <p>Per protocol the newest form wins: the {@code _EX} list of names, then the old
 * two-character list of that version, then the SSLv3 lists (which older GSKit programs use
 * for every TLS version), then the system default. The engine gets the lists of the enabled
 * protocols concatenated from the newest protocol down, which is the order a GSKit client
 * sends and the order a GSKit server prefers (usage notes 2 and 3 of gsk_secure_soc_init).
 */
public final class CipherLists {
    private CipherLists() {
    }

    public static List<CipherSpec> resolve(AttributeValues values, Set<TlsProtocol> protocols) throws GskException {
        Set<CipherSpec> ordered = new LinkedHashSet<>();
        boolean anyConfigured = false;
        for (TlsProtocol p : new TlsProtocol[] {TlsProtocol.TLSV13, TlsProtocol.TLSV12, TlsProtocol.TLSV11,
                TlsProtocol.TLSV10, TlsProtocol.SSLV3}) {
            List<CipherSpec> list = listFor(values, p);
            if (!protocols.contains(p)) {
                continue;
            }
            for (CipherSpec spec : list) {
                anyConfigured = true;
                if (spec.isEnabledByJdk()) {
                    ordered.add(spec);
                }
            }
        }
        if (ordered.isEmpty()) {
            throw new GskException(GskStatus.GSK_ERROR_NO_CIPHERS, protocols.isEmpty()
                    ? "every protocol is switched off"
                    : anyConfigured
                            ? "none of the configured cipher specs can be used by this Java runtime for " + names(protocols)
                            : "no cipher specs are configured for " + names(protocols));
        }
        return List.copyOf(ordered);
    }

    /** The list for one protocol; a malformed list is refused even if that protocol is off. */
    static List<CipherSpec> listFor(AttributeValues values, TlsProtocol p) throws GskException {
        switch (p) {
            case TLSV13:
                return first(values, p, BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX, null);
            case TLSV12:
                return first(values, p, BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX, BufferAttribute.GSK_TLSV12_CIPHER_SPECS);
            case TLSV11:
                return first(values, p, BufferAttribute.GSK_TLSV11_CIPHER_SPECS_EX, BufferAttribute.GSK_TLSV11_CIPHER_SPECS);
            case TLSV10:
                return first(values, p, BufferAttribute.GSK_TLSV10_CIPHER_SPECS_EX, BufferAttribute.GSK_TLSV10_CIPHER_SPECS);
            case SSLV3:
                return first(values, p, BufferAttribute.GSK_V3_CIPHER_SPECS_EX, BufferAttribute.GSK_V3_CIPHER_SPECS);
            default:
                return List.of();
        }
    }

    private static List<CipherSpec> first(AttributeValues values, TlsProtocol p, BufferAttribute ex, BufferAttribute shortForm)
            throws GskException {
        Optional<List<CipherSpec>> chosen = parse(values, p, ex, true);
        if (chosen.isEmpty() && shortForm != null) {
            chosen = parse(values, p, shortForm, false);
        }
        if (chosen.isEmpty() && p != TlsProtocol.TLSV13 && p != TlsProtocol.SSLV3) {
            chosen = parse(values, p, BufferAttribute.GSK_V3_CIPHER_SPECS_EX, true);
            if (chosen.isEmpty()) {
                chosen = parse(values, p, BufferAttribute.GSK_V3_CIPHER_SPECS, false);
            }
            // the SSLv3 lists carry suites for several versions: keep those this version allows
            chosen = chosen.map(list -> list.stream().filter(s -> s.protocols().contains(p)).toList());
        }
        return chosen.orElseGet(() -> CipherSpec.defaultList(p));
    }

    private static Optional<List<CipherSpec>> parse(AttributeValues values, TlsProtocol p, BufferAttribute id, boolean names)
            throws GskException {
        Optional<String> text = values.buffer(id);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<CipherSpec> list;
        try {
            list = text.get().isBlank() ? List.of()
                    : names ? CipherSpec.parseExList(text.get()) : CipherSpec.parseShortList(text.get());
        } catch (IllegalArgumentException e) {
            throw new GskException(GskStatus.GSK_ERROR_BAD_V3_CIPHER, id.name() + ": " + e.getMessage());
        }
        boolean sharedList = id == BufferAttribute.GSK_V3_CIPHER_SPECS_EX || id == BufferAttribute.GSK_V3_CIPHER_SPECS;
        if (!sharedList) {
            List<String> wrong = new ArrayList<>();
            for (CipherSpec s : list) {
                if (!s.protocols().contains(p)) {
                    wrong.add(s.gskName());
                }
            }
            if (!wrong.isEmpty()) {
                throw new GskException(GskStatus.GSK_ERROR_BAD_V3_CIPHER,
                        id.name() + ": not valid for " + p.secType() + ": " + String.join(", ", wrong));
            }
        }
        return Optional.of(list);
    }

    private static String names(Set<TlsProtocol> protocols) {
        List<String> out = new ArrayList<>();
        protocols.forEach(p -> out.add(p.secType()));
        return String.join(", ", out);
    }
}
