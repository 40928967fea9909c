package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Reads a store file's bytes, telling "not there" (202) from "not allowed" (6003). */
final class StoreFile {
    /** Far above any real key store; protects against being pointed at a huge file. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private StoreFile() {
    }

    static byte[] read(Path file) throws GskException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw GskException.store(StoreProblem.MISSING, "certificate store " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw denied(file, e);
        } catch (IOException e) {
            throw open("cannot open certificate store " + file, e);
        }
        if (attributes.isDirectory()) {
            throw GskException.store(StoreProblem.NOT_A_FILE, "certificate store " + file + " is a directory", null);
        }
        if (!attributes.isRegularFile()) {
            throw GskException.store(StoreProblem.NOT_A_FILE, "certificate store " + file + " is not a regular file", null);
        }
        if (attributes.size() > MAX_BYTES) {
            throw open("certificate store " + file + " is too large (" + attributes.size() + " bytes)", null);
        }
        if (!Files.isReadable(file)) {
            throw denied(file, null);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw denied(file, e);
        } catch (IOException e) {
            throw open("cannot read certificate store " + file, e);
        }
        if (content.length > MAX_BYTES) {
            throw open("certificate store " + file + " is too large", null);
        }
        return content;
    }

    private static GskException open(String message, Throwable cause) {
        return GskException.store(StoreProblem.UNREADABLE, message, cause);
    }

    private static GskException denied(Path file, Throwable cause) {
        return new GskException(GskStatus.GSK_IBMI_ERROR_NO_ACCESS,
                "no authority to read certificate store " + file + " (needs read on the file, search on its directories)", cause);
    }
}
