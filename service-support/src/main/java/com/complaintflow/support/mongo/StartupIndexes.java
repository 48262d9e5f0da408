package com.complaintflow.support.mongo;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * Creates a collection's indexes at start-up, retrying while MongoDB is unreachable or
 * too busy to answer in time, so a service restarted under load waits for the database
 * instead of exiting.
 */
public final class StartupIndexes {

	private static final Logger log = LoggerFactory.getLogger(StartupIndexes.class);

	/** How long start-up keeps retrying before it gives up. */
	static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

	private static final RetryTemplate RETRY = retryWhileUnreachable();

	private StartupIndexes() {
	}

	/**
	 * Ensures the indexes exist (creating an existing index again changes nothing).
	 * @param mongo the database
	 * @param collection the collection
	 * @param indexes its indexes
	 * @throws DataAccessResourceFailureException when MongoDB stayed unreachable for
	 * {@link #GIVE_UP_AFTER}
	 */
	public static void ensure(MongoOperations mongo, String collection, IndexDefinition... indexes) {
		for (IndexDefinition index : indexes) {
			try {
				RETRY.execute(new Retryable<String>() {

					@Override
					public String execute() {
						return mongo.indexOps(collection).createIndex(index);
					}

					@Override
					public String getName() {
						return "an index on " + collection;
					}

				});
			}
			catch (RetryException ex) {
				if (ex.getLastException() instanceof RuntimeException failure) {
					throw failure;
				}
				throw new IllegalStateException("Cannot create an index on " + collection, ex);
			}
		}
	}

	/**
	 * Retries only an unreachable or busy database (never a bad index definition),
	 * waiting 250 ms, then twice as long each time up to 5 s, for at most
	 * {@link #GIVE_UP_AFTER}.
	 */
	private static RetryTemplate retryWhileUnreachable() {
		RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
			.includes(DataAccessResourceFailureException.class)
			.maxRetries(Long.MAX_VALUE)
			.timeout(GIVE_UP_AFTER)
			.delay(Duration.ofMillis(250))
			.multiplier(2)
			.maxDelay(Duration.ofSeconds(5))
			.build());
		retry.setRetryListener(new RetryListener() {

			@Override
			public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
				log.warn("Cannot create {} yet, retrying: {}", retryable.getName(), failure.getMessage());
			}

		});
		return retry;
	}

}
