package mpkernel.cli;

/**
 * Runs every attack of {@link Attacks#ALL} on {@code mpk} in one JVM, for {@link AttackTest} to
 * start inside the PKU guest (one guest boot, one launcher JVM, a kernel process per attack).
 * Prints each run's output between {@code BEGIN name} and {@code STATUS name N}.
 */
public final class GuestAttacks {

    private GuestAttacks() {
    }

    public static void main(String[] args) {
        for (Attacks.Attack a : Attacks.ALL) {
            CliHarness.Outcome o = CliHarness.mpk(Attacks.command(a, "mpk"));
            System.out.println("BEGIN " + a.name());
            System.out.print(o.out());
            System.out.println("STATUS " + a.name() + " " + o.status());
            System.out.flush();
        }
    }
}
