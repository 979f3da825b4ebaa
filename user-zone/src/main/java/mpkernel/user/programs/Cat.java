package mpkernel.user.programs;

import java.lang.foreign.MemorySegment;
import java.util.List;

import mpkernel.kernel.api.Program;
import mpkernel.kernel.api.Sys;
import mpkernel.kernel.api.SysError;
import mpkernel.kernel.api.UserProgram;

/** {@code cat FILE...}: copies files to the console through a malloc'd buffer, as the C original does. */
@Program(name = "cat", description = "copy files (e.g. /proc/layout or /host/NAME) to the console")
public final class Cat implements UserProgram {

    static final int BUFFER = 8192;

    @Override
    public int main(Sys sys, List<String> args) {
        if (args.isEmpty()) {
            sys.write(Sys.STDERR, "usage: cat FILE...\n");
            return 2;
        }
        MemorySegment buf = sys.malloc(BUFFER);
        int status = 0;
        try {
            for (String path : args) {
                try {
                    int fd = sys.open(path, Sys.O_RDONLY);
                    try {
                        long n;
                        while ((n = sys.read(fd, buf)) > 0) {
                            sys.write(Sys.STDOUT, buf.asSlice(0, n));
                        }
                    } finally {
                        sys.close(fd);
                    }
                } catch (SysError e) {
                    sys.write(Sys.STDERR, "cat: " + path + ": " + e.getMessage() + "\n");
                    status = 1;
                }
            }
        } finally {
            sys.free(buf);
        }
        return status;
    }
}
