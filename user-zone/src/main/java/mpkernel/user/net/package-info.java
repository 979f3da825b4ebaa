/**
 * Network programs: {@code tcp-echo}, {@code udp-echo}, {@code tcp-sink}, {@code tcp-discard}, {@code tcp-send}. They
 * use the socket system calls as a C program uses POSIX sockets, with user memory from
 * {@code malloc}; run them with {@code ./mpk run PROGRAM --net tap} (or {@code --net loop}).
 */
@RunsIn("USER")
package mpkernel.user.net;

import mpkernel.annotations.RunsIn;
