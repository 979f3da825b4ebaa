package mpkernel.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, without provoking a fault, that the hardware state a backend set up is the one the
 * policy asks for: under {@code mpk} the PKRU read back inside each gate and the protection key
 * the kernel reports for each region ({@code /proc/self/smaps}); under {@code mprotect} the page
 * permissions of each region inside each gate ({@code /proc/self/maps}).
 */
final class SelfCheck {

    /** The first line of each mapping in smaps: {@code start-end perms ...}. */
    private static final java.util.regex.Pattern MAPPING = java.util.regex.Pattern.compile("[0-9a-f]+-[0-9a-f]+ ");

    private SelfCheck() {
    }

    static List<String> run(Isolation iso) {
        List<String> problems = new ArrayList<>();
        Policy policy = iso.policy();
        for (Domain running : policy.domains()) {
            Gate gate;
            try {
                gate = iso.gate(running);
            } catch (IllegalStateException tooWide) {
                continue; // covers more virtual domains than there are keys: entered only with a scope
            }
            gate.run(() -> {
                switch (iso.backend()) {
                    case MPK, MPK_DRY -> {
                        int actual = iso.backend() == Backend.MPK ? PkruStubs.read() : PkruRegister.EMULATED.read();
                        // inside the gate every virtual domain it covers holds its key, and keeps it
                        Pkru wanted = iso.pkru(running);
                        if (actual != wanted.value()) {
                            problems.add(String.format("in %s PKRU reads 0x%x, policy wants %s", running, actual, wanted));
                        }
                    }
                    case MPROTECT -> {
                        List<String> maps = read("/proc/self/maps");
                        for (Domain owner : policy.domains()) {
                            String want = switch (policy.access(running, owner)) {
                                case READ_WRITE -> "rw";
                                case READ_ONLY -> "r-";
                                case NONE -> "--";
                            };
                            String have = permissions(maps, iso.memory(owner).address());
                            if (!have.equals(want)) {
                                problems.add("in " + running + " " + owner + "'s pages are " + have + ", policy wants " + want);
                            }
                        }
                    }
                    case NONE -> { }
                }
            });
        }
        if (iso.backend() == Backend.MPK) {
            List<String> smaps = read("/proc/self/smaps");
            for (Domain d : policy.domains()) {
                int key = smapsProtectionKey(smaps, iso.memory(d).address());
                int expected = iso.keyOf(d);
                if (key != expected) {
                    problems.add(d + "'s region carries protection key " + key + ", expected " + expected);
                }
            }
        }
        return problems;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "rw"/"r-"/"--" of the mapping that holds {@code address}. */
    static String mapsPermissions(long address) {
        return permissions(read("/proc/self/maps"), address);
    }

    private static String permissions(List<String> maps, long address) {
        for (String line : maps) {
            if (holds(line, address)) {
                return line.substring(line.indexOf(' ') + 1, line.indexOf(' ') + 3);
            }
        }
        return "unmapped";
    }

    private static int smapsProtectionKey(List<String> smaps, long address) {
        boolean inside = false;
        for (String line : smaps) {
            if (MAPPING.matcher(line).lookingAt()) {
                inside = holds(line, address);
            } else if (inside && line.startsWith("ProtectionKey:")) {
                return Integer.parseInt(line.substring("ProtectionKey:".length()).trim());
            }
        }
        return -1;
    }

    /** Whether a maps line {@code start-end ...} covers {@code address}. */
    private static boolean holds(String mapsLine, long address) {
        int dash = mapsLine.indexOf('-');
        int space = mapsLine.indexOf(' ');
        long start = Long.parseUnsignedLong(mapsLine.substring(0, dash), 16);
        long end = Long.parseUnsignedLong(mapsLine.substring(dash + 1, space), 16);
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
