package mpkernel.user.net;

import java.lang.foreign.MemorySegment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a byte stream, as {@code sha256sum} prints it: what both ends of a transfer compare. */
final class Sha256 {

    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }

    void update(MemorySegment bytes) {
        digest.update(bytes.asByteBuffer());
    }

    /** The hex digest (and a fresh start). */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
