package com.complaintflow.support.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One check at a time: a request that comes while a check hangs (a dependency away) gets
 * the last result at once, and a recent result answers without a check.
 */
class ReusedHealthTests {

	@Test
	void aRecentResultAnswersWithoutACheck() {
		ReusedHealth reused = new ReusedHealth(Duration.ofMinutes(1));
		AtomicInteger checks = new AtomicInteger();

		reused.get(() -> Health.up().withDetail("n", checks.incrementAndGet()).build());
		Health second = reused.get(() -> Health.up().withDetail("n", checks.incrementAndGet()).build());

		assertThat(checks).hasValue(1);
		assertThat(second.getDetails()).containsEntry("n", 1);
	}

	@Test
	void whileACheckHangsTheOthersGetTheLastResultAtOnce() throws Exception {
		ReusedHealth reused = new ReusedHealth(Duration.ZERO);
		CountDownLatch hanging = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Health> first = CompletableFuture.supplyAsync(() -> reused.get(() -> {
			hanging.countDown();
			await(release);
			return Health.down().build();
		}));
		assertThat(hanging.await(10, TimeUnit.SECONDS)).isTrue();

		// before any result: UNKNOWN, not a wait
		assertThat(reused.get(() -> Health.up().build()).getStatus()).isEqualTo(Status.UNKNOWN);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);

		// the next hanging check: the others get its predecessor's DOWN
		CountDownLatch hangingAgain = new CountDownLatch(1);
		CountDownLatch releaseAgain = new CountDownLatch(1);
		CompletableFuture<Health> third = CompletableFuture.supplyAsync(() -> reused.get(() -> {
			hangingAgain.countDown();
			await(releaseAgain);
			return Health.up().build();
		}));
		assertThat(hangingAgain.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(reused.get(() -> Health.up().build()).getStatus()).isEqualTo(Status.DOWN);
		releaseAgain.countDown();
		assertThat(third.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
