package com.complaintflow.support.mongo;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
		long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		long backoffMillis = 250;
		for (IndexDefinition index : indexes) {
			while (true) {
				try {
					mongo.indexOps(collection).createIndex(index);
					break;
				}
				catch (DataAccessResourceFailureException ex) {
					if (System.nanoTime() > giveUpAt) {
						throw ex;
					}
					log.warn("Cannot create an index on {} yet, retrying in {} ms: {}", collection, backoffMillis,
							ex.getMessage());
					sleep(backoffMillis);
					backoffMillis = Math.min(backoffMillis * 2, 5_000);
				}
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for MongoDB", ex);
		}
	}

}
