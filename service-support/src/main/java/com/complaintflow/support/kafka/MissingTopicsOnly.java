package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the Kafka admin create the declared topics that are missing and leave every
 * existing one as it is: it would otherwise add partitions to an existing topic declared
 * with more, which sends customers' keys to other partitions (their events out of order).
 * An operator adds partitions on purpose, with Kafka's tools (docs/OPERATIONS.md).
 */
final class MissingTopicsOnly implements Predicate<NewTopic> {

	private static final Logger logger = LoggerFactory.getLogger(MissingTopicsOnly.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** How long one listing answers for (the admin asks once per declared topic). */
	private static final long VALID_NANOS = Duration.ofSeconds(5).toNanos();

	private final Map<String, Object> adminConfig;

	private Set<String> existing;

	private long listedAt;

	MissingTopicsOnly(Map<String, Object> adminConfig) {
		this.adminConfig = adminConfig;
	}

	@Override
	public synchronized boolean test(NewTopic topic) {
		if (this.existing == null || System.nanoTime() - this.listedAt > VALID_NANOS) {
			this.existing = existingTopics();
			this.listedAt = System.nanoTime();
		}
		return !this.existing.contains(topic.name());
	}

	/**
	 * The topics on the broker; none when it cannot tell (the admin then tries to create
	 * every declared topic, and leaves alone those it finds, as before).
	 */
	private Set<String> existingTopics() {
		try (Admin admin = Admin.create(this.adminConfig)) {
			return admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not list the broker's topics; declaring them all: {}", ex.toString());
			return Set.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Set.of();
		}
	}

}
