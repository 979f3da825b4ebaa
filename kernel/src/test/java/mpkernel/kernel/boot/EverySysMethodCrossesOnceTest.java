package mpkernel.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.Sys;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link Sys}, found by reflection so that a new system call cannot be left
 * out, crosses the user-to-kernel gate exactly once: no call slips into the kernel without a
 * crossing, and none crosses twice.
 */
class EverySysMethodCrossesOnceTest {

    /** One call of each system call, by its signature, from a state {@link #prepare} sets up. */
    private static Map<String, Consumer<Fixture>> calls() {
        Map<String, Consumer<Fixture>> m = new LinkedHashMap<>();
        m.put("malloc(long)", f -> f.sys.malloc(64));
        m.put("calloc(long,long)", f -> f.sys.calloc(8, 8));
        m.put("realloc(MemorySegment,long)", f -> f.block = f.sys.realloc(f.block, 128));
        m.put("free(MemorySegment)", f -> f.sys.free(f.spare));
        m.put("mmap(long)", f -> f.sys.mmap(4096));
        m.put("munmap(MemorySegment)", f -> f.sys.munmap(f.mapping));
        m.put("open(String,int)", f -> f.sys.open("/every.txt", Sys.O_RDWR));
        m.put("read(int,MemorySegment)", f -> f.sys.read(f.fd, f.block));
        m.put("write(int,MemorySegment)", f -> f.sys.write(f.fd, f.block));
        m.put("write(int,String)", f -> f.sys.write(f.fd, "text"));
        m.put("lseek(int,long,int)", f -> f.sys.lseek(f.fd, 0, Sys.SEEK_SET));
        m.put("close(int)", f -> f.sys.close(f.otherFd));
        m.put("stat(String)", f -> f.sys.stat("/every.txt"));
        m.put("clockGettime(int)", f -> f.sys.clockGettime(Sys.CLOCK_MONOTONIC));
        m.put("getpid()", f -> f.sys.getpid());
        m.put("threadSpawn(Runnable)", f -> f.sys.threadSpawn(() -> { }));
        m.put("threadJoin(int)", f -> f.sys.threadJoin(f.tid));
        m.put("yield()", f -> f.sys.yield());
        m.put("exit(int)", f -> {
            try {
                f.sys.exit(0);
            } catch (ProgramExit expected) {
                // exit unwinds the program; the crossing has happened
            }
        });
        return m;
    }

    /** What the calls work on, made before the counting starts. */
    static final class Fixture {
        Sys sys;
        MemorySegment block;
        MemorySegment spare;
        MemorySegment mapping;
        int fd;
        int otherFd;
        int tid;
    }

    @Test
    void everySystemCallIsOneCrossing() {
        Map<String, Consumer<Fixture>> calls = calls();
        TreeSet<String> declared = Arrays.stream(Sys.class.getMethods())
                .filter(x -> Modifier.isAbstract(x.getModifiers()))
                .map(EverySysMethodCrossesOnceTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(calls.keySet()), "a system call without a case here, or a case without a call");
        try (Kernel kernel = Kernel.boot(KernelConfig.defaults(Backend.MPK_DRY).withConsole(new ByteArrayOutputStream()).withSecretSeed(3))) {
            for (Map.Entry<String, Consumer<Fixture>> call : calls.entrySet()) {
                kernel.isolation().gate(Domain.USER).run(() -> {
                    Fixture f = prepare(kernel.sys());
                    long before = kernel.syscallGate().crossings();
                    call.getValue().accept(f);
                    assertEquals(before + 1, kernel.syscallGate().crossings(), call.getKey() + " crossed "
                            + (kernel.syscallGate().crossings() - before) + " times");
                });
            }
            assertTrue(kernel.syscallGate().crossings() > calls.size(), "mpk-dry counts crossings");
        }
    }

    private static Fixture prepare(Sys sys) {
        Fixture f = new Fixture();
        f.sys = sys;
        f.block = sys.malloc(64);
        f.spare = sys.malloc(64);
        f.mapping = sys.mmap(4096);
        f.fd = sys.open("/every.txt", Sys.O_RDWR | Sys.O_CREAT);
        f.otherFd = sys.open("/every.txt", Sys.O_RDWR);
        f.tid = sys.threadSpawn(() -> { });
        return f;
    }

    private static String signature(Method m) {
        return m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }
}
