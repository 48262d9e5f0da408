package com.complaintflow.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests move by hand, so a 24-hour deadline passes in milliseconds.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public void advance(Duration amount) {
		this.now.updateAndGet((instant) -> instant.plus(amount));
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	/**
	 * Where every test clock starts: a Monday, 09:00 in the business calendar's zone
	 * (Asia/Shanghai). Fixed, so that what the business-hours milestones do within a test
	 * does not depend on the hour or the day the test runs.
	 */
	public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	/**
	 * Replaces the service's clock with a {@link MutableClock} starting at
	 * {@link #START}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

}
