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

		Hanging first = Hanging.check(reused, Health.down().build());
		// before any result: out of service (UNKNOWN would count as UP), not a wait
		assertThat(reused.get(() -> Health.up().build()).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(first.finish().getStatus()).isEqualTo(Status.DOWN);

		Hanging next = Hanging.check(reused, Health.up().build());
		// the others get its predecessor's DOWN
		assertThat(reused.get(() -> Health.up().build()).getStatus()).isEqualTo(Status.DOWN);
		assertThat(next.finish().getStatus()).isEqualTo(Status.UP);
	}

	/** A check running in another thread, hanging until it is let finish. */
	private record Hanging(CompletableFuture<Health> answer, CountDownLatch release) {

		/** Starts the check and returns once it hangs. */
		static Hanging check(ReusedHealth reused, Health result) throws InterruptedException {
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<Health> answer = CompletableFuture.supplyAsync(() -> reused.get(() -> {
				started.countDown();
				await(release);
				return result;
			}));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			return new Hanging(answer, release);
		}

		Health finish() throws Exception {
			this.release.countDown();
			return this.answer.get(10, TimeUnit.SECONDS);
		}

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
