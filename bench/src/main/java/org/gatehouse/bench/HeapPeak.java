package org.gatehouse.bench;

/**
 * The gateway JVM's heap over one refresh, from {@code jstat} samples.
 *
 * @param usedBytes largest heap in use (young + survivor + old) in any sample: what the gateway needed plus the
 *                  garbage the collector had not yet reclaimed, so it grows with the heap the JVM may use
 * @param oldBytes  largest old generation in use: closer to what the gateway kept alive
 * @param samples   samples taken; with none the figures mean nothing and the report says so
 */
record HeapPeak(long usedBytes, long oldBytes, int samples) {

    static final HeapPeak NONE = new HeapPeak(0, 0, 0);

    HeapPeak max(HeapPeak other) {
        return new HeapPeak(Math.max(usedBytes, other.usedBytes), Math.max(oldBytes, other.oldBytes),
                samples + other.samples);
    }
}
