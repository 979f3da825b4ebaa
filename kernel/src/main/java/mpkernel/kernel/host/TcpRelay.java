package mpkernel.kernel.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

import mpkernel.kernel.api.Errno;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.net.NetStack;
import mpkernel.kernel.net.Readiness;

/**
 * One forwarded TCP connection: a host socket on one side, a connection of the loop peer's
 * stack to the guest on the other, bytes copied both ways until both directions end. A FIN
 * on either side becomes a FIN on the other; a reset by the guest closes the host socket with a
 * reset ({@code SO_LINGER} 0), and a refused connection refuses the host client the same way.
 */
final class TcpRelay {

    private static final int CHUNK = 16 * 1024;

    private final NetStack peer;
    private final SocketChannel host;
    private final SockAddr guest;
    private final Arena arena = Arena.ofShared();
    private volatile int socket = -1;

    TcpRelay(NetStack peer, SocketChannel host, SockAddr guest) {
        this.peer = peer;
        this.host = host;
        this.guest = guest;
    }

    /** Connects to the guest and relays until both directions end; the host-to-guest direction runs on a thread from {@code spawn}. */
    void run(Consumer<Runnable> spawn) {
        try {
            socket = peer.socket(Sys.SOCK_STREAM, false);
            peer.connect(socket, guest);
            peer.readiness().await(socket, Sys.POLLOUT, Readiness.FOREVER);
            peer.connected(socket);
        } catch (SysError e) {
            abort();
            close();
            return;
        }
        Thread toGuest = Thread.currentThread();
        boolean[] done = new boolean[1];
        spawn.accept(() -> {
            hostToGuest();
            synchronized (done) {
                done[0] = true;
                done.notifyAll();
            }
        });
        guestToHost();
        synchronized (done) {
            while (!done[0]) {
                try {
                    done.wait();
                } catch (InterruptedException e) {
                    toGuest.interrupt();
                    break;
                }
            }
        }
        close();
    }

    private void hostToGuest() {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        MemorySegment data = arena.allocate(CHUNK);
        try {
            while (true) {
                buffer.clear();
                int n = host.read(buffer);
                if (n < 0) {
                    peer.shutdown(socket, Sys.SHUT_WR);
                    return;
                }
                MemorySegment.copy(MemorySegment.ofArray(buffer.array()), 0, data, 0, n);
                for (int off = 0; off < n; ) {
                    off += (int) sendSome(data.asSlice(off, n - off));
                }
            }
        } catch (IOException | SysError e) {
            abort();
        }
    }

    private void guestToHost() {
        MemorySegment data = arena.allocate(CHUNK);
        try {
            while (true) {
                long n;
                try {
                    peer.readiness().await(socket, Sys.POLLIN, Readiness.FOREVER);
                    n = peer.recv(socket, data);
                } catch (SysError e) {
                    if (e.errno() == Errno.EAGAIN) {
                        continue;
                    }
                    abort(); // reset by the guest: so is the host client
                    return;
                }
                if (n == 0) {
                    host.shutdownOutput();
                    return;
                }
                ByteBuffer out = data.asSlice(0, n).asByteBuffer();
                while (out.hasRemaining()) {
                    host.write(out);
                }
            }
        } catch (IOException e) {
            abort();
        }
    }

    /** Queues some of {@code data} on the peer's connection, waiting for room. */
    private long sendSome(MemorySegment data) {
        while (true) {
            peer.readiness().await(socket, Sys.POLLOUT, Readiness.FOREVER);
            try {
                return peer.send(socket, data);
            } catch (SysError e) {
                if (e.errno() != Errno.EAGAIN) {
                    throw e;
                }
            }
        }
    }

    /**
     * Ends both sides at once: a reset to the host client, and to the guest. The peer's socket
     * stays open (both directions may still be using its number) until {@link #close}.
     */
    void abort() {
        try {
            host.setOption(StandardSocketOptions.SO_LINGER, 0);
            host.close();
        } catch (IOException ignored) {
            // gone already
        }
        if (socket >= 0) {
            try {
                peer.abort(socket);
            } catch (SysError ignored) {
                // closed already
            }
        }
    }

    /** Once both directions are done: releases the peer's socket and the buffers. */
    private void close() {
        try {
            host.close();
        } catch (IOException ignored) {
            // gone already
        }
        try {
            peer.close(socket);
        } catch (SysError ignored) {
            // never opened
        }
        arena.close();
    }
}
