package io.tunnelwatch.agent.http;

/**
 * One of {@code of} disjoint parts of the fleet, for Prometheus setups that scrape a large agent's
 * device data in parts (docs/scaling.md). A device belongs to the part its name hashes to, so the
 * parts stay the same across restarts and agents.
 *
 * @param shard which part, 0-based
 * @param of how many parts
 */
record DeviceShard(int shard, int of) {

  /** Enough parts for any fleet one agent can poll, few enough to catch a typo. */
  static final int MAX_PARTS = 1024;

  DeviceShard {
    if (of < 1 || of > MAX_PARTS) {
      throw new IllegalArgumentException("'of' must be 1.." + MAX_PARTS + ", got " + of);
    }
    if (shard < 0 || shard >= of) {
      throw new IllegalArgumentException("'shard' must be 0.." + (of - 1) + ", got " + shard);
    }
  }

  /**
   * Parses the query values.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  static DeviceShard parse(String shard, String of) {
    try {
      return new DeviceShard(Integer.parseInt(shard.trim()), Integer.parseInt(of.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'shard' and 'of' must be whole numbers", e);
    }
  }

  boolean contains(String device) {
    // String.hashCode is specified by the JLS, so every JVM puts a device in the same part.
    return Math.floorMod(device.hashCode(), of) == shard;
  }
}
