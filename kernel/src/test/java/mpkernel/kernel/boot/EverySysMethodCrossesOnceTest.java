package mpkernel.kernel.boot;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import mpkernel.isolation.Backend;
import mpkernel.isolation.Domain;
import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.ProgramExit;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link Sys}, found by reflection so that a new system call cannot be left
 * out, crosses the user-to-kernel gate exactly once: no call slips into the kernel without a
 * crossing, and none crosses twice. The kernel has the in-process network, its network thread
 * stopped (it enters the kernel through the same gate); the socket calls work on nonblocking
 * sockets, so none waits, and a call that fails with a POSIX error has crossed all the same.
 */
class EverySysMethodCrossesOnceTest {

    /** The in-process peer's address; with the network thread stopped, no answer from it is ever taken in. */
    private static final SockAddr PEER = SockAddr.of("10.77.0.1", 9);

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
        m.put("close(int)", f -> {
            f.sys.close(f.otherFd);
            f.otherFd = -1;
        });
        m.put("stat(String)", f -> f.sys.stat("/every.txt"));
        m.put("clockGettime(int)", f -> f.sys.clockGettime(Sys.CLOCK_MONOTONIC));
        m.put("getpid()", f -> f.sys.getpid());
        m.put("threadSpawn(Runnable)", f -> f.sys.threadSpawn(() -> { }));
        m.put("threadJoin(int)", f -> f.sys.threadJoin(f.tid));
        m.put("yield()", f -> f.sys.yield());
        // the main task of a kernel without --domains per-task: the kernel says no, after crossing
        m.put("taskMemory()", f -> expect(Errno.ENOSYS, f.sys::taskMemory));
        m.put("socket(int,int,int)", f -> f.opened = f.sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0));
        m.put("bind(int,SockAddr)", f -> f.sys.bind(f.tcp, SockAddr.any(0)));
        m.put("listen(int,int)", f -> f.sys.listen(f.tcp, 1));
        m.put("accept(int)", f -> expect(Errno.EAGAIN, () -> f.sys.accept(f.listener)));
        m.put("connect(int,SockAddr)", f -> expect(Errno.EINPROGRESS, () -> {
            f.sys.connect(f.tcp, PEER);
            return null;
        }));
        m.put("send(int,MemorySegment,int)", f -> f.sys.send(f.connectedUdp, f.block.asSlice(0, 8), 0));
        m.put("recv(int,MemorySegment,int)", f -> expect(Errno.EAGAIN, () -> f.sys.recv(f.connectedUdp, f.block, 0)));
        m.put("sendto(int,MemorySegment,int,SockAddr)", f -> f.sys.sendto(f.udp, f.block.asSlice(0, 8), 0, PEER));
        m.put("recvfrom(int,MemorySegment,int)", f -> expect(Errno.EAGAIN, () -> f.sys.recvfrom(f.udp, f.block, Sys.MSG_DONTWAIT)));
        m.put("shutdown(int,int)", f -> f.sys.shutdown(f.udp, Sys.SHUT_RDWR));
        m.put("poll(MemorySegment,int,int)", f -> assertEquals(1, f.sys.poll(f.pollfd, 1, 0)));
        m.put("getsockname(int)", f -> assertEquals(f.listenerPort, f.sys.getsockname(f.listener).port()));
        m.put("getpeername(int)", f -> assertEquals(PEER, f.sys.getpeername(f.connectedUdp)));
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
        /** A nonblocking TCP socket, neither bound nor connected. */
        int tcp;
        /** A nonblocking TCP socket listening on {@link #listenerPort}, with no connection waiting. */
        int listener;
        int listenerPort;
        /** A nonblocking UDP socket, bound to a free port. */
        int udp;
        /** A nonblocking UDP socket connected to {@link #PEER}. */
        int connectedUdp;
        /** One {@code struct pollfd}: {@link #udp}, for {@link Sys#POLLOUT} (ready at once). */
        MemorySegment pollfd;
        /** The socket the {@code socket} case made, if any. */
        int opened = -1;

        /** Closes the files and sockets, so that no case runs out of descriptors (outside the count). */
        void closeAll() {
            for (int fd : new int[] {this.fd, otherFd, tcp, listener, udp, connectedUdp, opened}) {
                if (fd >= 0) {
                    sys.close(fd);
                }
            }
        }
    }

    /** Runs {@code call}, which must fail with {@code errno}: the crossing happened, and the kernel said no. */
    private static void expect(Errno errno, Supplier<?> call) {
        SysError e = assertThrows(SysError.class, call::get);
        assertEquals(errno, e.errno());
    }

    @Test
    void everySystemCallIsOneCrossing() {
        Map<String, Consumer<Fixture>> calls = calls();
        TreeSet<String> declared = Arrays.stream(Sys.class.getMethods())
                .filter(x -> Modifier.isAbstract(x.getModifiers()))
                .map(EverySysMethodCrossesOnceTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(calls.keySet()), "a system call without a case here, or a case without a call");
        try (Kernel kernel = Kernel.boot(KernelConfig.defaults(Backend.MPK_DRY).withConsole(new ByteArrayOutputStream()).withSecretSeed(3)
                .withNet(NetSpec.loop(line -> { })))) {
            stopNetworkThread(kernel);
            for (Map.Entry<String, Consumer<Fixture>> call : calls.entrySet()) {
                kernel.isolation().gate(Domain.USER).run(() -> {
                    Fixture f = prepare(kernel.sys());
                    long before = kernel.syscallGate().crossings();
                    call.getValue().accept(f);
                    assertEquals(before + 1, kernel.syscallGate().crossings(), call.getKey() + " crossed "
                            + (kernel.syscallGate().crossings() - before) + " times");
                    f.closeAll();
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
        f.tcp = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK, 0);
        f.listener = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK, 0);
        sys.listen(f.listener, 1);
        f.listenerPort = sys.getsockname(f.listener).port();
        f.udp = sys.socket(Sys.AF_INET, Sys.SOCK_DGRAM | Sys.SOCK_NONBLOCK, 0);
        sys.bind(f.udp, SockAddr.any(0));
        f.connectedUdp = sys.socket(Sys.AF_INET, Sys.SOCK_DGRAM | Sys.SOCK_NONBLOCK, 0);
        sys.connect(f.connectedUdp, PEER);
        f.pollfd = sys.malloc(Sys.POLLFD_BYTES);
        f.pollfd.set(JAVA_INT_UNALIGNED, 0, f.udp);
        f.pollfd.set(JAVA_SHORT_UNALIGNED, 4, Sys.POLLOUT);
        return f;
    }

    /** Stops the kernel's network thread: its own crossings of the system-call gate would blur the count. */
    private static void stopNetworkThread(Kernel kernel) {
        try {
            kernel.network().daemon().stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String signature(Method m) {
        return m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }
}
