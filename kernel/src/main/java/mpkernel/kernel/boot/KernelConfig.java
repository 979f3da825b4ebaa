package mpkernel.kernel.boot;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import mpkernel.isolation.Backend;

/**
 * How to boot a kernel.
 *
 * @param backend the isolation backend
 * @param kernelBytes size of each kernel domain's region
 * @param userBytes size of the user region (reserved lazily)
 * @param hostFiles host files to expose read-only as {@code /host/NAME}
 * @param console where the console device writes
 * @param secretSeed seed of the kernel secret, or {@code null} for a random one
 * @param domains optional domains added to the paper's three
 * @param base where the domain regions go (0: anywhere), as a parent process chose it
 * @param confine confine the whole JVM once booted ({@code Isolation.confine}); only for a
 *     process that is nothing but this kernel
 * @param strict refuse to boot where confinement is asked for and the OS lacks it
 * @param reports read a report token on standard input at boot and sign
 *     {@link Kernel#report reports} with it
 * @param net the network
 */
public record KernelConfig(Backend backend, long kernelBytes, long userBytes, Map<String, Path> hostFiles,
                           OutputStream console, Long secretSeed, Set<OptionalDomain> domains,
                           long base, boolean confine, boolean strict, boolean reports, NetSpec net) {

    /** 64 MiB per kernel domain, 2 GiB of user memory, no host files, console to stdout, random secret, unconfined, no network. */
    public static KernelConfig defaults(Backend backend) {
        return new KernelConfig(backend, 64L << 20, 2L << 30, Map.of(), System.out, null, Set.of(), 0, false, false, false, NetSpec.NONE);
    }

    public KernelConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(net, "net");
        hostFiles = Map.copyOf(hostFiles);
        domains = Set.copyOf(domains);
        if (kernelBytes < (16L << 20)) {
            throw new IllegalArgumentException("kernel regions need at least 16 MiB, got " + kernelBytes);
        }
        if (userBytes < (1L << 20)) {
            throw new IllegalArgumentException("the user region needs at least 1 MiB, got " + userBytes);
        }
    }

    /** This config with {@code out} as the console. */
    public KernelConfig withConsole(OutputStream out) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, out, secretSeed, domains, base, confine, strict, reports, net);
    }

    /** This config with one more host file. */
    public KernelConfig withHostFile(String name, Path file) {
        Map<String, Path> m = new LinkedHashMap<>(hostFiles);
        m.put(name, file);
        return new KernelConfig(backend, kernelBytes, userBytes, m, console, secretSeed, domains, base, confine, strict, reports, net);
    }

    /** This config with a user region of {@code bytes}. */
    public KernelConfig withUserBytes(long bytes) {
        return new KernelConfig(backend, kernelBytes, bytes, hostFiles, console, secretSeed, domains, base, confine, strict, reports, net);
    }

    /** This config with a fixed secret seed (reproducible experiments). */
    public KernelConfig withSecretSeed(long seed) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, seed, domains, base, confine, strict, reports, net);
    }

    /** This config with {@code extra} domains added to the paper's three. */
    public KernelConfig withDomains(Collection<OptionalDomain> extra) {
        Set<OptionalDomain> all = new HashSet<>(domains);
        all.addAll(extra);
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, secretSeed, all, base, confine, strict, reports, net);
    }

    /** This config with the regions at {@code address}. */
    public KernelConfig withBase(long address) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, secretSeed, domains, address, confine, strict, reports, net);
    }

    /** This config for a process of its own: confined once booted ({@code strict}: or not at all), reports signed. */
    public KernelConfig asProcess(boolean strictConfinement) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, secretSeed, domains, base,
                backend != Backend.NONE, strictConfinement, true, net);
    }

    /** This config with {@code network}. */
    public KernelConfig withNet(NetSpec network) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, secretSeed, domains, base, confine, strict, reports, network);
    }
}
