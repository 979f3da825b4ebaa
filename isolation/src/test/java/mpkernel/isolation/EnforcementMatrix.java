package mpkernel.isolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mpkernel.isolation.fault.ChildJvm;
import mpkernel.isolation.fault.Fate;

/**
 * Runs every access of the enforcement matrix in child JVMs and reports each one's fate.
 * Accesses the policy allows share one child (they must all survive); each access the policy
 * denies gets a child of its own, since it should die.
 */
final class EnforcementMatrix {

    /** One access and what became of it. */
    record Case(String policy, Domain running, String op, Domain owner, Fate.Kind kind, int siCode, String violated,
                long expectedAddress, long faultAddress) {
        String line() {
            return String.format(Locale.ROOT, "CASE %s %s %s %s %s %d %s 0x%x 0x%x", policy, running, op, owner, kind, siCode,
                    violated, expectedAddress, faultAddress);
        }
    }

    static final List<Domain> DOMAINS = List.of(Domain.SAFE_KERNEL, Domain.UNSAFE_KERNEL, Domain.USER);

    static List<Case> run(Backend backend) {
        List<Case> results = new ArrayList<>();
        for (String policyName : List.of("paper", "readonly")) {
            Policy policy = EnforcementProbe.policy(policyName);
            List<String> allowed = new ArrayList<>();
            List<String> denied = new ArrayList<>();
            for (Domain running : DOMAINS) {
                for (Domain owner : DOMAINS) {
                    for (String op : List.of("read", "write")) {
                        if (policyName.equals("readonly") && !(running.equals(Domain.USER) && owner.equals(Domain.UNSAFE_KERNEL))) {
                            continue; // the readonly policy only differs in this one cell
                        }
                        Access a = policy.access(running, owner);
                        boolean ok = a == Access.READ_WRITE || (a == Access.READ_ONLY && op.equals("read"));
                        (ok ? allowed : denied).add(running + ":" + op + ":" + owner);
                    }
                }
            }
            if (!allowed.isEmpty()) {
                results.addAll(runChild(EnforcementProbe.class, policy, backend, policyName, allowed));
            }
            for (String d : denied) {
                results.addAll(runChild(EnforcementProbe.class, policy, backend, policyName, List.of(d)));
            }
        }
        return results;
    }

    /**
     * Runs {@code probe}'s main with {@code BACKEND POLICY_NAME BASE ACCESS...}, its regions
     * laid out for {@code policy} at a random base, and reads each access's fate from its
     * {@code TRY access 0x<address>} and {@code OK access} lines.
     */
    static List<Case> runChild(Class<?> probe, Policy policy, Backend backend, String policyName, List<String> accesses) {
        long base = RegionLayout.randomBase(new java.util.Random());
        List<String> args = new ArrayList<>(List.of(backend.cliName(), policyName, Long.toString(base)));
        args.addAll(accesses);
        Fate fate = ChildJvm.onClassPath(probe.getName())
                .layout(RegionLayout.plan(policy, base))
                .jvmArgs(List.of("--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1"))
                .args(args)
                .timeout(Duration.ofMinutes(3))
                .run();
        List<Case> cases = new ArrayList<>();
        for (String access : accesses) {
            String[] a = access.split(":");
            boolean survived = fate.stdout().lines().anyMatch(l -> l.equals("OK " + access));
            long expected = fate.stdout().lines().filter(l -> l.startsWith("TRY " + access + " "))
                    .map(l -> Long.parseUnsignedLong(l.substring(l.lastIndexOf(' ') + 3), 16)).findFirst().orElse(0L);
            boolean tried = expected != 0;
            Fate.Kind kind = survived ? Fate.Kind.COMPLETED : tried ? fate.kind() : Fate.Kind.FAILED;
            int siCode = !survived && tried ? fate.crash().map(c -> c.siCode()).orElse(0) : 0;
            long faultAddr = !survived && tried ? fate.crash().map(c -> c.siAddr()).orElse(0L) : 0L;
            String violated = !survived && tried ? fate.violatedRegion().map(r -> r.domain()).orElse("-") : "-";
            cases.add(new Case(policyName, new Domain(a[0]), a[1], new Domain(a[2]), kind, siCode, violated, expected, faultAddr));
        }
        if (!fate.stdout().contains("TRY ")) {
            System.err.println("probe did not start: exit " + fate.exitCode() + "\n" + fate.stdout() + fate.stderr());
        }
        return cases;
    }
}
