package mpkernel.experiments.faults;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One planned trial, fully determined by the campaign seed and the trial number.
 *
 * @param number trial number
 * @param model fault model
 * @param source the domain whose code performs the faulty access ({@code -} for none)
 * @param target what the access aims at
 * @param param the model's parameter (offset, overflow length, bit, injection point)
 */
public record Trial(int number, String model, String source, String target, long param) {

    /** Every model a campaign runs by default, with its sources and targets. */
    public static final List<String> MODELS = List.of("control", "wild-write", "wild-read", "overflow", "descriptor-bitflip",
            "use-after-free", "native-user-write", "proc-mem");

    /**
     * Models a campaign runs only when {@code --models} names them (so that the default
     * campaigns, and the files they resume, stay as they were): {@code net-driver-write}, the
     * virtio-net driver copying a frame it sends to a wild address, on a kernel with the loop
     * peer for a network.
     */
    public static final List<String> OPT_IN_MODELS = List.of("net-driver-write");

    /** Whether {@code model} is a model at all. */
    public static boolean known(String model) {
        return MODELS.contains(model) || OPT_IN_MODELS.contains(model);
    }

    /** The trial {@code number} of a campaign over {@code models} with {@code seed}, on the paper's three domains. */
    public static Trial plan(long seed, int number, List<String> models) {
        return plan(seed, number, models, false);
    }

    /**
     * The trial {@code number}; with {@code driverDomain} the drivers run in their own
     * {@code DRIVER} domain, which then is the source of the driver faults and one more target.
     */
    public static Trial plan(long seed, int number, List<String> models, boolean driverDomain) {
        Trial t = plan0(seed, number, models, driverDomain);
        return driverDomain && t.source().equals("UNSAFE_KERNEL") ? new Trial(t.number(), t.model(), "DRIVER", t.target(), t.param()) : t;
    }

    private static Trial plan0(long seed, int number, List<String> models, boolean driverDomain) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        String model = models.get(number % models.size());
        long param = rnd.nextLong(1L << 40);
        return switch (model) {
            case "control" -> new Trial(number, model, "-", "-", param);
            case "wild-write" -> new Trial(number, model, "UNSAFE_KERNEL",
                    pick(rnd, "safe-data", "safe-metadata", "safe-fs", "unsafe", "user", "unmapped"), param);
            case "wild-read" -> rnd.nextBoolean() ? new Trial(number, model, "UNSAFE_KERNEL", "via-driver", param)
                    : new Trial(number, model, "USER", "direct", param);
            case "overflow" -> rnd.nextBoolean() ? new Trial(number, model, "UNSAFE_KERNEL", "region-edge", param)
                    : new Trial(number, model, "USER", "user-buffer", param);
            case "descriptor-bitflip" -> new Trial(number, model, "UNSAFE_KERNEL", "dma-descriptor", param);
            case "use-after-free" -> new Trial(number, model, "USER", "user", param);
            case "native-user-write" -> new Trial(number, model, "USER", driverDomain ? pick(rnd, "safe-data", "safe-metadata", "safe-fs", "unsafe", "driver")
                    : pick(rnd, "safe-data", "safe-metadata", "safe-fs", "unsafe"), param);
            // plain Java (no native access) through /proc/self/mem: a read of the secret, or a write into a boot file's directory row
            case "proc-mem" -> new Trial(number, model, "USER", pick(rnd, "safe-data", "safe-fs"), param);
            // the network driver's copy of a frame it sends, to the secret, the interface's configuration, or another region
            case "net-driver-write" -> new Trial(number, model, "UNSAFE_KERNEL", pick(rnd, "safe-data", "safe-net", "unsafe", "user"), param);
            default -> throw new IllegalArgumentException("unknown fault model '" + model + "'; known: " + String.join(",", MODELS)
                    + "," + String.join(",", OPT_IN_MODELS));
        };
    }

    private static String pick(SplittableRandom rnd, String... choices) {
        return choices[rnd.nextInt(choices.length)];
    }

    /** The domain whose memory the fault reaches, or {@code -}. */
    public String targetDomain() {
        return switch (target) {
            case "safe-data", "safe-metadata", "safe-fs", "safe-net", "via-driver", "direct" -> "SAFE_KERNEL";
            // an overflow off the top of the driver's region: UNSAFE_KERNEL's ends at SAFE_KERNEL, DRIVER's at USER
            case "region-edge" -> source.equals("DRIVER") ? "USER" : "SAFE_KERNEL";
            case "unsafe" -> "UNSAFE_KERNEL";
            case "user", "user-buffer" -> "USER";
            case "driver" -> "DRIVER";
            case "dma-descriptor" -> "DEVICE";
            default -> "-";
        };
    }

    /** Whether the policy forbids this source to touch the target: isolation must catch it. */
    public boolean mustBeDetected() {
        String t = targetDomain();
        if (t.equals("-") || t.equals("DEVICE") || source.equals("-") || source.equals(t)) {
            return false;
        }
        return switch (source) {
            case "UNSAFE_KERNEL" -> t.equals("SAFE_KERNEL") || t.equals("DRIVER");
            case "USER", "DRIVER" -> true;
            default -> false;
        };
    }
}
