package mpkernel.user.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import mpkernel.kernel.api.FileStat;
import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.SockAddr;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;
import mpkernel.user.net.Errors;

/**
 * {@code http-server [--root DIR] [PORT [CONNECTIONS]]}: serves the kernel's files under DIR
 * (default {@code /host}, where {@code ./mpk run --host-file NAME=PATH} puts host files) over
 * HTTP/1.1 on PORT (default 80): {@code GET} and {@code HEAD}, persistent connections and
 * pipelining, one task per connection. With CONNECTIONS it exits once that many have ended.
 *
 * <p>Each system call is a gate crossing, so a response is built to need few: see
 * {@link StaticFiles} and {@link ResponseWriter}. There is no {@code Date} header for the same
 * reason: it would cost a clock read per response.
 */
@Program(name = "http-server", description = "HTTP/1.1 file server (default port 80, root /host): [--root DIR] [PORT [CONNECTIONS]]")
public final class HttpServer implements UserProgram {

    @Override
    public int main(Sys sys, List<String> args) {
        ServerArgs a = ServerArgs.parse(args);
        if (a == null) {
            sys.write(Sys.STDERR, ServerArgs.USAGE + "\n");
            return 2;
        }
        if (!isDirectory(sys, a.root())) {
            sys.write(Sys.STDERR, "http-server: --root " + a.root() + ": no such directory\n");
            return 2;
        }
        PathResolver resolver = new PathResolver(a.root());
        ServerStats stats = new ServerStats();
        int listener;
        try {
            listener = sys.socket(Sys.AF_INET, Sys.SOCK_STREAM, 0);
        } catch (SysError e) {
            sys.write(Sys.STDERR, "http-server: " + Errors.describe(e) + "\n");
            return 1;
        }
        List<Spawned> live = new ArrayList<>();
        try {
            sys.bind(listener, SockAddr.any(a.port()));
            sys.listen(listener, 64);
            sys.write(Sys.STDOUT, "http-server: listening on port " + a.port() + ", root " + a.root() + "\n");
            for (long accepted = 0; !a.done(accepted); accepted++) {
                int socket = sys.accept(listener);
                reapEnded(sys, live);
                Connection c = new Connection(sys, socket, resolver, stats);
                try {
                    live.add(new Spawned(sys.threadSpawn(c), c));
                } catch (SysError e) {
                    // no task for it (every task domain in use, under --domains per-task): this
                    // client is turned away, the server and its other clients go on
                    sys.write(Sys.STDOUT, "http-server: connection closed unserved: " + Errors.describe(e) + "\n");
                    sys.close(socket);
                }
            }
            for (Spawned s : live) {
                sys.threadJoin(s.tid());
            }
            sys.write(Sys.STDOUT, "http-server: served " + stats.summary() + "\n");
            return 0;
        } catch (SysError e) {
            sys.write(Sys.STDERR, "http-server: " + Errors.describe(e) + "\n");
            return 1;
        } finally {
            sys.close(listener);
        }
    }

    /** A connection's task. */
    private record Spawned(int tid, Connection connection) {
    }

    /**
     * Joins the tasks whose connections ended, so that a server that runs for ever keeps no
     * record (nor, with a domain per task, a domain) of every connection it ever had.
     */
    private static void reapEnded(Sys sys, List<Spawned> live) {
        for (Iterator<Spawned> it = live.iterator(); it.hasNext(); ) {
            Spawned s = it.next();
            if (s.connection().ended()) {
                sys.threadJoin(s.tid());
                it.remove();
            }
        }
    }

    private static boolean isDirectory(Sys sys, String path) {
        try {
            FileStat st = sys.stat(path);
            return st.directory();
        } catch (SysError e) {
            return false;
        }
    }
}
