package mpkernel.cli;

/**
 * The network scenarios on {@code mpk}, in one JVM, for {@link NetInteropTest} to start inside
 * the PKU guest (one guest boot, a kernel process per scenario; sizes are small, since the
 * guest emulates every instruction). Prints {@code PASS name} or {@code FAIL name: why} for
 * each, and exits with status 1 if any failed.
 */
public final class NetGuest {

    private NetGuest() {
    }

    /** One scenario. */
    private interface Scenario {
        void run() throws Exception;
    }

    public static void main(String[] args) {
        boolean tools = HostTools.installed("nc") && HostTools.installed("socat");
        boolean ok = run("echo-over-tap", () -> NetScenarios.echoOverTap("mpk", 64 * 1024, tools))
                & run("sink-over-tap", () -> NetScenarios.sinkOverTap("mpk", 4L << 20))
                & run("udp-over-tap", () -> NetScenarios.udpOverTap("mpk"))
                & run("send-over-tap", () -> NetScenarios.sendOverTap("mpk", 1L << 20));
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(String name, Scenario s) {
        try {
            s.run();
            System.out.println("PASS " + name);
            return true;
        } catch (Throwable t) {
            System.out.println("FAIL " + name + ": " + t);
            return false;
        } finally {
            System.out.flush();
        }
    }
}
