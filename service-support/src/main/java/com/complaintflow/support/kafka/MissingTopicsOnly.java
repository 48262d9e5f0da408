package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
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

	/** How long a listing may take, as long as the Kafka admin's own operations. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** How long one listing answers for (the admin asks once per declared topic). */
	private static final long VALID_NANOS = Duration.ofSeconds(5).toNanos();

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	/** The topics listed last, or null when the broker could not list them. */
	private Set<String> existing;

	private boolean listed;

	private long listedAt;

	MissingTopicsOnly(Map<String, Object> adminConfig, Duration timeout) {
		this.adminConfig = adminConfig;
		this.timeout = timeout;
	}

	@Override
	public synchronized boolean test(NewTopic topic) {
		if (!this.listed || System.nanoTime() - this.listedAt > VALID_NANOS) {
			this.existing = existingTopics();
			this.listed = true;
			this.listedAt = System.nanoTime();
		}
		return this.existing != null && !this.existing.contains(topic.name());
	}

	/**
	 * The topics on the broker, or null when it cannot tell: then nothing is created or
	 * changed now (a broker that cannot list its topics would not take them either), and
	 * a restart creates what is missing.
	 */
	private Set<String> existingTopics() {
		Admin admin = Admin.create(this.adminConfig);
		try {
			return admin.listTopics(new ListTopicsOptions().timeoutMs((int) this.timeout.toMillis()))
				.names()
				.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not list the broker's topics, so no topic is created or changed now "
					+ "(a restart creates what is missing): {}", ex.toString());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Interrupted while listing the broker's topics; no topic is created or changed now");
			return null;
		}
		finally {
			admin.close(Duration.ZERO);
		}
	}

}
