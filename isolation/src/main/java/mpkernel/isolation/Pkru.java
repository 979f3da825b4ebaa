package mpkernel.isolation;

/**
 * A value of the x86 PKRU register: two bits per protection key, access-disable (AD, bit 2k)
 * and write-disable (WD, bit 2k+1), for the 16 keys 0..15. Pure arithmetic, no hardware.
 *
 * <p>The RustyHermit artifact's constants come out of it: a user task runs with
 * {@code 0xfc} (keys 1, 2 and 3 access- and write-disabled), and entering unsafe kernel code
 * ORs {@code 0xC} (key 1 disabled) into the current value. Where the artifact leaves keys it
 * does not use open, this project's policies deny them ({@link #DENY_ALL}), so the low byte of
 * a value is the artifact's and the rest is all ones.
 *
 * @param value the raw 32-bit register value
 */
public record Pkru(int value) {

    /** Number of protection keys the register describes. */
    public static final int KEYS = 16;

    /** Every key readable and writable: the value the artifact writes when entering the kernel. */
    public static final Pkru ALL_OPEN = new Pkru(0);

    /**
     * Every key but key 0 access- and write-disabled: where every {@link Policy#pkru} value
     * starts, and the rights of a thread outside every gate that has no baseline domain.
     */
    public static final Pkru DENY_ALL = new Pkru(0xFFFF_FFFC);

    /** The rights this value grants on pages tagged with {@code key}. */
    public Access access(int key) {
        int bits = (value >>> (2 * checkKey(key))) & 0b11;
        if ((bits & 0b01) != 0) {
            return Access.NONE;
        }
        return (bits & 0b10) != 0 ? Access.READ_ONLY : Access.READ_WRITE;
    }

    /** This value with the rights on {@code key} replaced by {@code access}. */
    public Pkru with(int key, Access access) {
        int shift = 2 * checkKey(key);
        int bits = switch (access) {
            case READ_WRITE -> 0b00;
            case READ_ONLY -> 0b10;
            case NONE -> 0b11;
        };
        return new Pkru((value & ~(0b11 << shift)) | (bits << shift));
    }

    /** The access-disable bit of {@code key}. */
    public static int accessDisableBit(int key) {
        return 1 << (2 * checkKey(key));
    }

    /** The write-disable bit of {@code key}. */
    public static int writeDisableBit(int key) {
        return 1 << (2 * checkKey(key) + 1);
    }

    private static int checkKey(int key) {
        if (key < 0 || key >= KEYS) {
            throw new IllegalArgumentException("protection key must be 0..15, got " + key);
        }
        return key;
    }

    @Override
    public String toString() {
        return String.format("0x%08x", value);
    }
}
