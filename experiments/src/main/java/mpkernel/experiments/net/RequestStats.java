package mpkernel.experiments.net;

/**
 * What a load generator reports of one test.
 *
 * @param perSecond requests per second
 * @param p50Millis median latency, milliseconds
 * @param p99Millis 99th percentile latency, milliseconds
 */
record RequestStats(double perSecond, double p50Millis, double p99Millis) {
}
