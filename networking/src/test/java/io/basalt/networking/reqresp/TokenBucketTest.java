package io.basalt.networking.reqresp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void shouldAllowBurstThenRefillAtRate() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = new TokenBucket(new RateLimit(3, 2), now::get);

    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
    now.addAndGet(500_000_000L); // half a second at 2/s gives one token
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
    now.addAndGet(10_000_000_000L);
    assertThat(bucket.isFull()).isTrue();
  }
}
