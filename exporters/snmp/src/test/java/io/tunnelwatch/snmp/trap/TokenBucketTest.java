package io.tunnelwatch.snmp.trap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong();

  private int taken(TokenBucket bucket, int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      if (bucket.tryTake()) {
        taken++;
      }
    }
    return taken;
  }

  @Test
  void aFloodGetsTheBurstAtOnceAndThenTheRate() {
    TokenBucket bucket = new TokenBucket(new TrapRateLimit(10, 50), nanos::get);

    assertThat(taken(bucket, 1000)).isEqualTo(50);
    nanos.addAndGet(2_000_000_000L);
    assertThat(taken(bucket, 1000)).isEqualTo(20);
    nanos.addAndGet(100_000_000L);
    assertThat(taken(bucket, 1000)).isEqualTo(1);
  }

  @Test
  void aQuietSenderCannotSaveUpMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(new TrapRateLimit(10, 50), nanos::get);
    nanos.addAndGet(3_600_000_000_000L);

    assertThat(taken(bucket, 1000)).isEqualTo(50);
  }

  @Test
  void limitsAreCheckedAndGetABurstOfTenSecondsByDefault() {
    assertThat(TrapRateLimit.perSecond(20).burst()).isEqualTo(200);
    assertThat(TrapRateLimit.perSecond(0.05).burst()).isEqualTo(1);
    assertThatThrownBy(() -> new TrapRateLimit(0, 10)).hasMessageContaining("above 0");
    assertThatThrownBy(() -> new TrapRateLimit(Double.NaN, 10)).hasMessageContaining("above 0");
    assertThatThrownBy(() -> new TrapRateLimit(5, 0)).hasMessageContaining("at least 1");
  }
}
