package io.tunnelwatch.agent.report;

/**
 * Rekeys seen versus what the SA lifetimes explain. For every stretch of up time of an SA the
 * lifetime explains {@code ceil(stretch / lifetime)} rekeys: IOS renegotiates a little before
 * expiry, so one rekey of slack per stretch keeps normal behaviour from counting as extra.
 */
public record RekeyCounts(int ike, long expectedIke, int ipsec, long expectedIpsec) {

  public static final RekeyCounts NONE = new RekeyCounts(0, 0, 0, 0);

  public long extraIke() {
    return Math.max(0, ike - expectedIke);
  }

  public long extraIpsec() {
    return Math.max(0, ipsec - expectedIpsec);
  }

  public long extra() {
    return extraIke() + extraIpsec();
  }

  public RekeyCounts plus(RekeyCounts o) {
    return new RekeyCounts(
        ike + o.ike, expectedIke + o.expectedIke, ipsec + o.ipsec, expectedIpsec + o.expectedIpsec);
  }
}
