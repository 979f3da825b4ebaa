package mpkernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import mpkernel.isolation.fault.PkuGuest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mpk bundle} end to end: made from the packaged jars (this runs after
 * {@code package}, under failsafe), unpacked, and run with no JDK in reach ({@link BundleFixture}).
 * Its {@code mpk} test runs where PKU is usable, standing in for an evaluator's PKU machine.
 */
class BundleIT {

    @Test
    void doctorRunsOnTheBundledRuntimeWithoutAJdk() throws Exception {
        Path b = BundleFixture.unpacked();
        CliHarness.Outcome o = BundleFixture.mpk(b, "doctor");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains(" at " + b.resolve("runtime")), "the bundle's own runtime: " + o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("bundle +commit \\S+, made \\S+ from JDK 25.*")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches(" +mprotect +works .*")), o.out());
        CliHarness.Outcome test = BundleFixture.mpk(b, "test");
        assertEquals(2, test.status(), "a bundle holds no tests: " + test.err());
    }

    @Test
    void quickReproduceRecordsTheBundlesCommit() throws Exception {
        Path b = BundleFixture.unpacked();
        CliHarness.Outcome o = BundleFixture.mpk(b, "reproduce", "--quick", "--benchmarks", "npb-is", "--backend", "mprotect");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("suite (mprotect vs none, 1 of 1 benchmarks verified"), o.out());
        Path csv;
        try (var files = Files.list(b.resolve("results/quick"))) {
            csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(csv);
        String commit = BundleFixture.archive().getFileName().toString().replaceFirst("^mpkernel-", "").replaceFirst("\\.tar\\.gz$", "");
        assertTrue(lines.contains("# commit: " + commit), "no git in a bundle, the commit it was made from: " + lines);
    }

    @Test
    void runFaultsFiguresAndJmhWorkFromTheBundle(@TempDir Path out) throws Exception {
        Path b = BundleFixture.unpacked();
        CliHarness.Outcome hello = BundleFixture.mpk(b, "run", "--backend", "mprotect", "hello");
        assertEquals(0, hello.status(), hello.out() + hello.err());
        assertTrue(hello.out().contains("Hello, world"), hello.out());

        CliHarness.Outcome faults = BundleFixture.mpk(b, "faults", "--backend", "mprotect", "--trials", "2", "--models", "control,wild-write",
                "--jobs", "1", "--out", out.toString());
        assertEquals(0, faults.status(), faults.out() + faults.err());
        assertTrue(faults.out().contains("detected by isolation: 1 of 1 faults"), faults.out());

        // java.desktop and fonts in the runtime: the figures draw from the project's own results
        CliHarness.Outcome figures = BundleFixture.mpk(b, "figures", "--results", PkuGuest.projectRoot().resolve("results").toString(),
                "--out", out.resolve("figures").toString());
        assertEquals(0, figures.status(), figures.out() + figures.err());
        try (var files = Files.list(out.resolve("figures"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".png")), "figures drawn");
        }

        // JMH on the class path, forking JVMs of the bundled runtime
        CliHarness.Outcome bench = BundleFixture.mpk(b, "bench", "--quick", "ClockBench");
        assertEquals(0, bench.status(), bench.out() + bench.err());
        assertTrue(bench.out().contains("ClockBench.dependentAdd"), bench.out());
    }

    @Test
    @Tag("mpk")
    void onAPkuMachineDoctorSaysMpkWorksAndAnAttackIsStoppedByProtectionKeys() throws Exception {
        PkuGuest.skipReasonForMpkTests().ifPresent(Assumptions::abort);
        Path b = BundleFixture.unpacked();
        CliHarness.Outcome doctor = BundleFixture.mpk(b, "doctor");
        assertEquals(0, doctor.status(), doctor.out() + doctor.err());
        assertTrue(doctor.out().lines().anyMatch(l -> l.startsWith("native mpk     yes")), doctor.out());
        assertTrue(doctor.out().lines().anyMatch(l -> l.matches(" +mpk +works \\(PKRU and region keys verified.*")), doctor.out());

        CliHarness.Outcome attack = BundleFixture.mpk(b, "run", "--backend", "mpk", "attack-read-secret");
        assertEquals(RunCommand.ISOLATION_FAULT, attack.status(), attack.out() + attack.err());
        assertTrue(attack.out().strip().lines().toList().getLast()
                .matches("PROTECTION FAULT: domain USER accessed SAFE_KERNEL memory at 0x[0-9a-f]+ \\(SEGV_PKUERR, backend mpk\\)"), attack.out());
    }
}
