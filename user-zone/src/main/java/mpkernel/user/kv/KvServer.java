package mpkernel.user.kv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;
import mpkernel.user.net.Errors;

/**
 * {@code kv-server [--max-value BYTES] [PORT [CONNECTIONS]]}: a key-value store speaking the
 * Redis protocol on TCP port 6379 by default, for {@code redis-cli} and {@code redis-benchmark}.
 * Each connection gets a task of its own over one shared store; bulk strings over BYTES
 * (default 64 MiB, at most 512 MiB) are refused. With CONNECTIONS it exits once that many
 * connections have ended.
 */
@Program(name = "kv-server", description = "Redis-protocol key-value server on TCP (default port 6379): [--max-value BYTES] [PORT [CONNECTIONS]]")
public final class KvServer implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        KvArgs config = KvArgs.parse(args);
        if (config == null) {
            sys.write(Sys.STDERR, KvArgs.USAGE + "\n");
            return 2;
        }
        Commands commands = new Commands(new KvStore(() -> sys.clockGettime(Sys.CLOCK_MONOTONIC)));
        int listener = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
        Map<Connection, Integer> tasks = new HashMap<>();
        Queue<Connection> ended = new ConcurrentLinkedQueue<>();
        try {
            sys.bind(listener, SockAddr.any(config.port()));
            sys.listen(listener, 64);
            sys.write(Sys.STDOUT, "kv-server: listening on port " + config.port() + "\n");
            for (long accepted = 0; !config.done(accepted); accepted++) {
                int fd = sys.accept(listener);
                reap(sys, ended, tasks);
                Connection connection = new Connection(sys, fd, config.maxValue(), commands, ended::add);
                try {
                    tasks.put(connection, sys.threadSpawn(connection));
                } catch (SysError e) { // no task for it (per-task domains all taken): turn this client away
                    sys.write(Sys.STDOUT, "kv-server: connection refused: " + Errors.describe(e) + "\n");
                    sys.close(fd);
                }
            }
            for (int tid : tasks.values()) {
                join(sys, tid);
            }
            return 0;
        } catch (SysError e) {
            sys.write(Sys.STDERR, "kv-server: " + Errors.describe(e) + "\n");
            return 1;
        } finally {
            sys.close(listener);
        }
    }

    /** Joins the tasks whose connections ended, so that a server running forever does not keep them all. */
    private static void reap(Sys sys, Queue<Connection> ended, Map<Connection, Integer> tasks) {
        Connection c;
        while ((c = ended.poll()) != null) {
            Integer tid = tasks.remove(c);
            if (tid != null) {
                join(sys, tid);
            }
        }
    }

    private static void join(Sys sys, int tid) {
        try {
            sys.threadJoin(tid);
        } catch (SysError e) {
            sys.write(Sys.STDOUT, "kv-server: " + Errors.describe(e) + "\n");
        }
    }
}
