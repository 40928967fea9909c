package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The classic GSKit stash file (.sth): the password's bytes XOR 0xF5, ended by an XOR-ed
 * NUL and padded with random bytes to 1024. Passwords are UTF-8 here; IBM i would encode
 * them in the job CCSID.
 */
public final class StashFile {
    static final int SIZE = 1024;
    private static final int MASK = 0xF5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StashFile() {
    }

    /** The stashed password; the caller owns the array and must clear it. */
    public static char[] read(Path file) throws GskException {
        byte[] raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = in.readNBytes(SIZE);
        } catch (NoSuchFileException e) {
            throw GskException.store(StoreProblem.STASH_MISSING, "stash file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_ACCESS, "no authority to read stash file " + file, e);
        } catch (IOException e) {
            throw GskException.store(StoreProblem.STASH_UNREADABLE, "cannot read stash file " + file, e);
        }
        try {
            int length = 0;
            while (length < raw.length && ((raw[length] ^ MASK) & 0xFF) != 0) {
                raw[length] = (byte) (raw[length] ^ MASK);
                length++;
            }
            return decode(raw, length, file);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Writes a stash as stores are written: a new file readable only by its owner (where the
     * file system has POSIX permissions), filled next to the target and then renamed over it.
     * An existing file is replaced, never written through: its old permissions do not carry
     * over, and a symbolic link at the target is replaced itself, its target left untouched.
     */
    public static void write(Path file, char[] password) throws IOException {
        byte[] plain = encode(password);
        byte[] out = new byte[SIZE];
        Path temp = null;
        try {
            if (plain.length >= SIZE) {
                throw new IllegalArgumentException("password too long for a stash file (" + plain.length + " bytes)");
            }
            RANDOM.nextBytes(out);
            for (int i = 0; i < plain.length; i++) {
                if (plain[i] == 0) {
                    throw new IllegalArgumentException("a password containing NUL cannot be stashed");
                }
                out[i] = (byte) (plain[i] ^ MASK);
            }
            out[plain.length] = (byte) MASK;
            Path absolute = file.toAbsolutePath();
            temp = ownerOnlyTempFile(absolute);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(out);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true); // on disk before it takes the name
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } finally {
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(out, (byte) 0);
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A new, empty, owner-only file in the target's directory (createTempFile never opens an existing name). */
    private static Path ownerOnlyTempFile(Path target) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static char[] decode(byte[] bytes, int length, Path file) throws GskException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length);
        try {
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
            if (result.isUnderflow()) {
                result = decoder.flush(chars);
            }
            if (!result.isUnderflow()) {
                throw new CharacterCodingException();
            }
            chars.flip();
            char[] password = new char[chars.remaining()];
            chars.get(password);
            return password;
        } catch (CharacterCodingException e) {
            throw GskException.store(StoreProblem.STASH_UNREADABLE, "stash file " + file + " is not a UTF-8 password stash", null);
        } finally {
            Arrays.fill(chars.array(), '\0');
        }
    }

    private static byte[] encode(char[] password) throws IOException {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password is not valid Unicode text");
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
