/**
 * {@code http-server}: an HTTP/1.1 server of the kernel's files (keep-alive, pipelining, GET and
 * HEAD), one task per connection. Its parts: {@link mpkernel.user.http.RequestParser} frames and
 * checks a request head as bytes arrive, {@link mpkernel.user.http.PathResolver} turns its target
 * into a kernel path that cannot leave the document root, {@link mpkernel.user.http.StaticFiles}
 * answers with a file and {@link mpkernel.user.http.ResponseWriter} batches what goes out, so that
 * a response costs as few system calls (gate crossings) as it can.
 */
@RunsIn("USER")
package mpkernel.user.http;

import mpkernel.annotations.RunsIn;
