package mpkernel.kernel.boot;

import java.util.Locale;

import mpkernel.isolation.Access;
import mpkernel.isolation.Domain;
import mpkernel.isolation.Policy;

/**
 * Domains a kernel can add to the paper's three, each declared in a few lines of
 * {@link Policy.Builder} (see {@code docs/adding-a-domain.md}).
 */
public enum OptionalDomain {

    /**
     * The device drivers, split out of {@code UNSAFE_KERNEL}: the virtio console and the faulty
     * driver run here, with their rings and DMA buffers in the domain's own region. The driver
     * may touch nothing else; the safe kernel reads and writes its buffers, and the emulated
     * device (domain {@code DEVICE}) reaches them instead of the unsafe kernel's.
     */
    DRIVER(new Domain("DRIVER"), 16L << 20) {
        @Override
        Policy.Builder declare(Policy.Builder policy) {
            return policy.domain(domain(), bytes())
                    .grant(Domain.SAFE_KERNEL, Access.READ_WRITE, domain());
        }
    },

    /**
     * The kernel secret's vault: readable only through its own gate, not even by the rest of the
     * safe kernel, and able to touch nothing but itself.
     */
    VAULT(new Domain("VAULT"), 1L << 20) {
        @Override
        Policy.Builder declare(Policy.Builder policy) {
            return policy.domain(domain(), bytes());
        }
    };

    private final Domain domain;
    private final long bytes;

    OptionalDomain(Domain domain, long bytes) {
        this.domain = domain;
        this.bytes = bytes;
    }

    /** The domain. */
    public Domain domain() {
        return domain;
    }

    /** Its region's size. */
    public long bytes() {
        return bytes;
    }

    /** Adds this domain and its rights to {@code policy}. */
    abstract Policy.Builder declare(Policy.Builder policy);

    /** The domain named {@code name} (case-insensitive), for the command line. */
    public static OptionalDomain parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown domain '" + name + "'; optional domains: driver, vault");
        }
    }
}
