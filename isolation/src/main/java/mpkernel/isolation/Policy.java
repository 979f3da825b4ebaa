package mpkernel.isolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The domains of one system, the size of each domain's private memory and the rights matrix:
 * what every domain may do to every other domain's memory. Immutable.
 *
 * <p>A domain always has {@link Access#READ_WRITE} over its own memory and, unless granted
 * more, {@link Access#NONE} over every other domain's. Key 0 is outside every policy: it stays
 * open in every domain.
 *
 * <p>MPK has 16 keys and key 0 is the shared one, so at most {@link #MAX_PINNED} domains can
 * each own a key for life ({@link Builder#domain}, <i>pinned</i>). Any number of further
 * domains, up to {@link #MAX_DOMAINS}, can be declared <i>virtual</i>
 * ({@link Builder#virtualDomain}): under {@link Backend#MPK} they share a small cache of keys
 * and hold one only while some thread's rights need it (see {@code KeyCache}); the other
 * backends have no key limit and treat them like any domain.
 *
 * {@snippet :
 * Policy policy = Policy.builder()
 *         .domain(Domain.SAFE_KERNEL, 64 << 20)
 *         .domain(Domain.UNSAFE_KERNEL, 64 << 20)
 *         .domain(Domain.USER, 1L << 30)
 *         .grant(Domain.SAFE_KERNEL, Access.READ_WRITE, Domain.UNSAFE_KERNEL, Domain.USER)
 *         .grant(Domain.UNSAFE_KERNEL, Access.READ_WRITE, Domain.USER)
 *         .build();
 * }
 */
public final class Policy {

    /** At most 15 pinned domains: 16 keys, key 0 is the shared one. */
    public static final int MAX_PINNED = Pkru.KEYS - 1;

    /**
     * At most 13 pinned domains beside virtual ones: of the 15 keys, one parks the virtual
     * domains that hold no key, and at least one serves them.
     */
    public static final int MAX_PINNED_WITH_VIRTUAL = MAX_PINNED - 2;

    /** At most this many domains in all, pinned and virtual. */
    public static final int MAX_DOMAINS = 1024;

    private static final Access[] ACCESS = Access.values();

    private final List<Domain> domains;
    private final Map<Domain, Integer> indexes;
    private final Map<Domain, Long> sizes;
    private final boolean[] virtual;
    /** {@code matrix[running * n + owner]}: the ordinal of the {@link Access}. */
    private final byte[] matrix;
    /** Per running domain, the owners it has any right over, itself included, in policy order. */
    private final int[][] reach;
    private final int keyCache;

    private Policy(List<Domain> domains, Map<Domain, Long> sizes, boolean[] virtual, byte[] matrix, int keyCache) {
        this.keyCache = keyCache;
        this.domains = List.copyOf(domains);
        this.sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        this.virtual = virtual;
        this.matrix = matrix;
        int n = domains.size();
        Map<Domain, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(domains.get(i), i);
        }
        this.indexes = Map.copyOf(idx);
        this.reach = new int[n][];
        for (int i = 0; i < n; i++) {
            int count = 0;
            int[] row = new int[n];
            for (int j = 0; j < n; j++) {
                if (matrix[i * n + j] != Access.NONE.ordinal()) {
                    row[count++] = j;
                }
            }
            reach[i] = java.util.Arrays.copyOf(row, count);
        }
    }

    /**
     * The paper's three domains: the safe kernel may touch everything, the unsafe kernel its
     * own and user memory but not the safe kernel's, the user only its own.
     *
     * @param kernelBytes size of each kernel domain's region
     * @param userBytes size of the user region
     */
    public static Policy paper(long kernelBytes, long userBytes) {
        return builder()
                .domain(Domain.SAFE_KERNEL, kernelBytes)
                .domain(Domain.UNSAFE_KERNEL, kernelBytes)
                .domain(Domain.USER, userBytes)
                .grant(Domain.SAFE_KERNEL, Access.READ_WRITE, Domain.UNSAFE_KERNEL, Domain.USER)
                .grant(Domain.UNSAFE_KERNEL, Access.READ_WRITE, Domain.USER)
                .build();
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this policy, to add domains or change rights. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Domain d : domains) {
            if (isVirtual(d)) {
                b.virtualDomain(d, sizes.get(d));
            } else {
                b.domain(d, sizes.get(d));
            }
        }
        for (int from = 0; from < domains.size(); from++) {
            for (int to : reach[from]) {
                if (from != to) {
                    b.grant(domains.get(from), access(from, to), domains.get(to));
                }
            }
        }
        if (keyCache > 0) {
            b.keyCache(keyCache);
        }
        return b;
    }

    /** The domains, in declaration order (the order keys are allocated in). */
    public List<Domain> domains() {
        return domains;
    }

    /** Size in bytes of {@code domain}'s region. */
    public long regionSize(Domain domain) {
        return sizes.get(domains.get(index(domain)));
    }

    /** Whether {@code domain} is declared in this policy. */
    public boolean declares(Domain domain) {
        return sizes.containsKey(domain);
    }

    /** Whether {@code domain} was declared {@linkplain Builder#virtualDomain virtual}. */
    public boolean isVirtual(Domain domain) {
        return virtual[index(domain)];
    }

    /** Whether any domain is virtual. */
    public boolean hasVirtualDomains() {
        for (boolean v : virtual) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /**
     * The most keys the virtual domains may share under {@link Backend#MPK} ({@link Builder#keyCache});
     * 0: as many as the OS has left.
     */
    public int keyCacheLimit() {
        return keyCache;
    }

    /** What code running in {@code running} may do to memory of {@code owner}. */
    public Access access(Domain running, Domain owner) {
        return access(index(running), index(owner));
    }

    /**
     * The PKRU value of code running in {@code running}, given the key each domain's memory is
     * tagged with. Every key the policy does not grant to {@code running} is denied, keys that
     * no domain of this policy uses included; only key 0 stays open. {@code keyOf} is asked
     * only about the domains {@code running} has rights over.
     */
    public Pkru pkru(Domain running, ToIntFunction<Domain> keyOf) {
        Pkru pkru = Pkru.DENY_ALL;
        int i = index(running);
        for (int owner : reach[i]) {
            pkru = pkru.with(keyOf.applyAsInt(domains.get(owner)), access(i, owner));
        }
        return pkru;
    }

    int index(Domain domain) {
        Integer i = indexes.get(Objects.requireNonNull(domain, "domain"));
        if (i == null) {
            throw new IllegalArgumentException("domain " + domain + " is not declared; declared: " + domains);
        }
        return i;
    }

    Access access(int running, int owner) {
        return ACCESS[matrix[running * domains.size() + owner]];
    }

    boolean isVirtual(int index) {
        return virtual[index];
    }

    /** The indexes of the owners {@code running} has any right over, itself included; do not modify. */
    int[] reach(int running) {
        return reach[running];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Policy");
        for (int from = 0; from < domains.size(); from++) {
            sb.append("\n  ").append(domains.get(from)).append(virtual[from] ? " (virtual)" : "").append(':');
            for (int to : reach[from]) {
                sb.append(' ').append(domains.get(to)).append('=').append(access(from, to));
            }
        }
        return sb.toString();
    }

    /** Declares domains and grants; {@link #build()} checks the result. */
    public static final class Builder {
        private final List<Domain> domains = new ArrayList<>();
        private final Map<Domain, Long> sizes = new LinkedHashMap<>();
        private final Map<Domain, Boolean> virtual = new HashMap<>();
        private final Map<Domain, Map<Domain, Access>> grants = new LinkedHashMap<>();
        private int pinned;
        private int keyCache;

        private Builder() {
        }

        /**
         * Lets the virtual domains share at most {@code keys} protection keys (1 to
         * {@link #MAX_PINNED_WITH_VIRTUAL}); without it they take every key the OS has left.
         * Fewer keys mean more re-tagging, and fewer entered virtual domains at one time.
         */
        public Builder keyCache(int keys) {
            if (keys < 1 || keys > MAX_PINNED_WITH_VIRTUAL) {
                throw new IllegalArgumentException("a key cache has 1 to " + MAX_PINNED_WITH_VIRTUAL + " keys, not " + keys);
            }
            keyCache = keys;
            return this;
        }

        /**
         * Declares {@code domain}, pinned: it owns a protection key for life. Its private region
         * has {@code bytes} (rounded up to pages at boot; reserved lazily, so a large size costs
         * only what is touched).
         */
        public Builder domain(Domain domain, long bytes) {
            check(domain, bytes);
            if (pinned == MAX_PINNED) {
                throw new IllegalArgumentException("key budget exhausted: MPK has 16 keys and key 0 is shared, so at most "
                        + MAX_PINNED + " pinned domains (declare further ones with virtualDomain); already declared: " + domains);
            }
            pinned++;
            commit(domain, bytes, false);
            return this;
        }

        /**
         * Declares {@code domain}, virtual: like {@link #domain}, but under {@link Backend#MPK}
         * it holds a protection key only while some thread's rights need one, taken from a
         * cache of keys shared with the other virtual domains (at most
         * {@link #MAX_PINNED_WITH_VIRTUAL} pinned domains leave keys for it). For the many
         * short-lived domains of tasks or modules.
         */
        public Builder virtualDomain(Domain domain, long bytes) {
            check(domain, bytes);
            commit(domain, bytes, true);
            return this;
        }

        private void check(Domain domain, long bytes) {
            Objects.requireNonNull(domain, "domain");
            if (sizes.containsKey(domain)) {
                throw new IllegalArgumentException("domain " + domain + " declared twice");
            }
            if (bytes <= 0) {
                throw new IllegalArgumentException("domain " + domain + ": region size must be positive, got " + bytes);
            }
            if (domains.size() == MAX_DOMAINS) {
                throw new IllegalArgumentException("at most " + MAX_DOMAINS + " domains in one policy; " + domain + " is one too many");
            }
        }

        private void commit(Domain domain, long bytes, boolean isVirtual) {
            domains.add(domain);
            sizes.put(domain, bytes);
            virtual.put(domain, isVirtual);
        }

        /** Gives {@code from} the right {@code access} over the memory of each of {@code owners}. */
        public Builder grant(Domain from, Access access, Domain... owners) {
            Objects.requireNonNull(access, "access");
            for (Domain owner : owners) {
                grants.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(owner, access);
            }
            return this;
        }

        /** The policy; every domain named in a grant must have been declared. */
        public Policy build() {
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("a policy needs at least one domain");
            }
            int n = domains.size();
            boolean[] isVirtual = new boolean[n];
            Map<Domain, Integer> index = new HashMap<>();
            for (int i = 0; i < n; i++) {
                isVirtual[i] = virtual.get(domains.get(i));
                index.put(domains.get(i), i);
            }
            if (pinned > MAX_PINNED_WITH_VIRTUAL && pinned < n) {
                throw new IllegalArgumentException("with virtual domains at most " + MAX_PINNED_WITH_VIRTUAL
                        + " pinned domains: one key parks the virtual domains and at least one serves them; pinned: "
                        + domains.stream().filter(d -> !virtual.get(d)).toList());
            }
            byte[] m = new byte[n * n];
            java.util.Arrays.fill(m, (byte) Access.NONE.ordinal());
            for (int i = 0; i < n; i++) {
                m[i * n + i] = (byte) Access.READ_WRITE.ordinal();
            }
            grants.forEach((from, row) -> row.forEach((to, access) -> {
                Integer i = index.get(from);
                Integer j = index.get(to);
                if (i == null || j == null) {
                    throw new IllegalArgumentException("grant " + from + " -> " + to + " names an undeclared domain; declared: " + shortList(domains));
                }
                if (i.equals(j) && access != Access.READ_WRITE) {
                    throw new IllegalArgumentException("domain " + from + " must keep READ_WRITE over its own memory");
                }
                m[i * n + j] = (byte) access.ordinal();
            }));
            return new Policy(domains, sizes, isVirtual, m, keyCache);
        }

        /** The list for an error message: in full up to 20 domains, else its ends. */
        private static String shortList(List<Domain> list) {
            if (list.size() <= 20) {
                return list.toString();
            }
            return "[" + list.get(0) + ", " + list.get(1) + ", ... " + (list.size() - 3) + " more ..., " + list.get(list.size() - 1) + "]";
        }
    }
}
