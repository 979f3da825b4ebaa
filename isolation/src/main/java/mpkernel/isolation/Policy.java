package mpkernel.isolation;

import java.util.ArrayList;
import java.util.Collections;
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

    /** At most 15 domains: 16 keys, key 0 is the shared one. */
    public static final int MAX_DOMAINS = Pkru.KEYS - 1;

    private final List<Domain> domains;
    private final Map<Domain, Long> sizes;
    private final Access[][] matrix;

    private Policy(List<Domain> domains, Map<Domain, Long> sizes, Access[][] matrix) {
        this.domains = List.copyOf(domains);
        this.sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        this.matrix = matrix;
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
            b.domain(d, sizes.get(d));
        }
        for (Domain from : domains) {
            for (Domain to : domains) {
                if (from != to) {
                    b.grant(from, access(from, to), to);
                }
            }
        }
        return b;
    }

    /** The domains, in declaration order (the order keys are allocated in). */
    public List<Domain> domains() {
        return domains;
    }

    /** Size in bytes of {@code domain}'s region. */
    public long regionSize(Domain domain) {
        return sizes.get(requireDeclared(domain));
    }

    /** Whether {@code domain} is declared in this policy. */
    public boolean declares(Domain domain) {
        return sizes.containsKey(domain);
    }

    /** What code running in {@code running} may do to memory of {@code owner}. */
    public Access access(Domain running, Domain owner) {
        return matrix[index(running)][index(owner)];
    }

    /**
     * The PKRU value of code running in {@code running}, given the key each domain's memory is
     * tagged with. Every key the policy does not grant to {@code running} is denied, keys that
     * no domain of this policy uses included; only key 0 stays open.
     */
    public Pkru pkru(Domain running, ToIntFunction<Domain> keyOf) {
        Pkru pkru = Pkru.DENY_ALL;
        for (Domain owner : domains) {
            pkru = pkru.with(keyOf.applyAsInt(owner), access(running, owner));
        }
        return pkru;
    }

    int index(Domain domain) {
        int i = domains.indexOf(requireDeclared(domain));
        return i;
    }

    private Domain requireDeclared(Domain domain) {
        if (!sizes.containsKey(Objects.requireNonNull(domain, "domain"))) {
            throw new IllegalArgumentException("domain " + domain + " is not declared; declared: " + domains);
        }
        return domain;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Policy");
        for (Domain from : domains) {
            sb.append("\n  ").append(from).append(':');
            for (Domain to : domains) {
                sb.append(' ').append(to).append('=').append(access(from, to));
            }
        }
        return sb.toString();
    }

    /** Declares domains and grants; {@link #build()} checks the result. */
    public static final class Builder {
        private final List<Domain> domains = new ArrayList<>();
        private final Map<Domain, Long> sizes = new LinkedHashMap<>();
        private final Map<Domain, Map<Domain, Access>> grants = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares {@code domain} with a private region of {@code bytes} (rounded up to pages
         * at boot; reserved lazily, so a large size costs only what is touched).
         */
        public Builder domain(Domain domain, long bytes) {
            Objects.requireNonNull(domain, "domain");
            if (sizes.containsKey(domain)) {
                throw new IllegalArgumentException("domain " + domain + " declared twice");
            }
            if (bytes <= 0) {
                throw new IllegalArgumentException("domain " + domain + ": region size must be positive, got " + bytes);
            }
            if (domains.size() == MAX_DOMAINS) {
                throw new IllegalArgumentException("key budget exhausted: MPK has 16 keys and key 0 is shared, so at most "
                        + MAX_DOMAINS + " domains; already declared: " + domains);
            }
            domains.add(domain);
            sizes.put(domain, bytes);
            return this;
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
            Access[][] m = new Access[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i][j] = i == j ? Access.READ_WRITE : Access.NONE;
                }
            }
            grants.forEach((from, row) -> row.forEach((to, access) -> {
                int i = domains.indexOf(from);
                int j = domains.indexOf(to);
                if (i < 0 || j < 0) {
                    throw new IllegalArgumentException("grant " + from + " -> " + to + " names an undeclared domain; declared: " + domains);
                }
                if (i == j && access != Access.READ_WRITE) {
                    throw new IllegalArgumentException("domain " + from + " must keep READ_WRITE over its own memory");
                }
                m[i][j] = access;
            }));
            return new Policy(domains, sizes, m);
        }
    }
}
