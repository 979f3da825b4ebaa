package mpkernel.cli;

import java.util.List;

import mpkernel.experiments.launch.NetNamespace;
import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's network against the real Linux stack, through TAP interfaces in namespaces
 * that each run makes and removes, on none and mprotect, and on mpk as the other mpk-tagged
 * tests run (natively where PKU exists, else inside the PKU guest);
 * and against the loop peer, which needs no TAP. See {@link NetScenarios} for what each
 * scenario checks. TAP needs root, which CI has: there a missing TAP, {@code nc} or
 * {@code socat} is a failure, elsewhere a printed reason to skip.
 */
class NetInteropTest {

    private static final long HUNDRED_MEGABYTES = 100_000_000L;

    @Test
    void linuxClientsAndServersTalkToTheKernelThroughTap() throws Exception {
        boolean tools = requireTap();
        for (String backend : List.of("none", "mprotect")) {
            NetScenarios.echoOverTap(backend, 1 << 20, tools);
            NetScenarios.udpOverTap(backend);
            NetScenarios.sendOverTap(backend, 10_000_000L);
        }
    }

    @Test
    void aHundredMegabytesArriveWithTheSameChecksumAndAResetIsAnErrno() throws Exception {
        requireTap();
        for (String backend : List.of("none", "mprotect")) {
            NetScenarios.sinkOverTap(backend, HUNDRED_MEGABYTES);
        }
    }

    @Test
    void theLoopPeerServesWhereThereIsNoTap() throws Exception {
        for (String backend : List.of("none", "mprotect")) {
            NetScenarios.overLoop(backend, 1 << 20);
        }
    }

    @Test
    void theNamespacesAreGoneAfterwards() throws Exception {
        requireTap();
        NetScenarios.udpOverTap("none");
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(out.lines().noneMatch(l -> l.startsWith("mpk-" + ProcessHandle.current().pid() + "-")), out);
    }

    @Test
    @Tag("mpk")
    void theScenariosOnMpk() throws Exception {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        boolean tools = requireTap();
        // small sizes: inside the PKU guest every instruction is emulated
        NetScenarios.echoOverTap("mpk", 64 * 1024, tools);
        NetScenarios.sinkOverTap("mpk", 4L << 20);
        NetScenarios.udpOverTap("mpk");
        NetScenarios.sendOverTap("mpk", 1L << 20);
    }

    /** Skips (or, under CI, fails) where TAP networks cannot be made; returns whether nc and socat are there too. */
    static boolean requireTap() {
        boolean ci = "true".equals(System.getenv("CI"));
        NetNamespace.unavailableReason().ifPresent(reason -> {
            if (ci) {
                throw new IllegalStateException("CI must run the TAP tests, but: " + reason);
            }
            System.out.println("SKIPPED TAP tests: " + reason);
            Assumptions.abort(reason);
        });
        boolean tools = HostTools.installed("nc") && HostTools.installed("socat");
        if (!tools && ci) {
            throw new IllegalStateException("CI must run nc and socat against the kernel: .ci/run installs netcat-openbsd and socat");
        }
        return tools;
    }
}
