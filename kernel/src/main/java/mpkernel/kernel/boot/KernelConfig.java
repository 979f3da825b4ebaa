package mpkernel.kernel.boot;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 */
public record KernelConfig(Backend backend, long kernelBytes, long userBytes, Map<String, Path> hostFiles,
                           OutputStream console, Long secretSeed, java.util.Set<OptionalDomain> domains) {

    /** 64 MiB per kernel domain, 2 GiB of user memory, no host files, console to stdout, random secret. */
    public static KernelConfig defaults(Backend backend) {
        return new KernelConfig(backend, 64L << 20, 2L << 30, Map.of(), System.out, null, java.util.Set.of());
    }

    public KernelConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(console, "console");
        hostFiles = Map.copyOf(hostFiles);
        domains = java.util.Set.copyOf(domains);
        if (kernelBytes < (16L << 20)) {
            throw new IllegalArgumentException("kernel regions need at least 16 MiB, got " + kernelBytes);
        }
    }

    /** This config with {@code out} as the console. */
    public KernelConfig withConsole(OutputStream out) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, out, secretSeed, domains);
    }

    /** This config with one more host file. */
    public KernelConfig withHostFile(String name, Path file) {
        Map<String, Path> m = new LinkedHashMap<>(hostFiles);
        m.put(name, file);
        return new KernelConfig(backend, kernelBytes, userBytes, m, console, secretSeed, domains);
    }

    /** This config with a user region of {@code bytes}. */
    public KernelConfig withUserBytes(long bytes) {
        return new KernelConfig(backend, kernelBytes, bytes, hostFiles, console, secretSeed, domains);
    }

    /** This config with a fixed secret seed (reproducible experiments). */
    public KernelConfig withSecretSeed(long seed) {
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, seed, domains);
    }

    /** This config with {@code extra} domains added to the paper's three. */
    public KernelConfig withDomains(java.util.Collection<OptionalDomain> extra) {
        java.util.Set<OptionalDomain> all = new java.util.HashSet<>(domains);
        all.addAll(extra);
        return new KernelConfig(backend, kernelBytes, userBytes, hostFiles, console, secretSeed, all);
    }
}
