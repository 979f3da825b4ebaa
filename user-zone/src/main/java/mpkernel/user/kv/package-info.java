/**
 * {@code kv-server}: a key-value store that speaks the Redis protocol (RESP2), so that the stock
 * {@code redis-cli} and {@code redis-benchmark} drive it unmodified. One task per connection
 * over a shared {@link mpkernel.user.kv.KvStore}; each connection parses what one {@code recv}
 * brought ({@link mpkernel.user.kv.RespReader}), runs the commands in order
 * ({@link mpkernel.user.kv.Commands}) and answers them all with one {@code send}
 * ({@link mpkernel.user.kv.ReplyWriter}), so that a lone {@code GET} costs two system calls.
 */
@RunsIn("USER")
package mpkernel.user.kv;

import mpkernel.annotations.RunsIn;
