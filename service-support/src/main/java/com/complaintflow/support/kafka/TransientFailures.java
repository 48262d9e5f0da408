package com.complaintflow.support.kafka;

import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure of the infrastructure (MongoDB unreachable, stalled, electing, not
 * confirming writes in time or refusing the service's credentials, the broker
 * unavailable, a publish not acknowledged in time) from a failure of the record: the
 * first will succeed once the infrastructure is back, so it is retried without limit and
 * never dead-lettered.
 */
public final class TransientFailures {

	private static final Set<String> TRANSIENT_MONGO_LABELS = Set.of(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL,
			"RetryableWriteError", "ResumableChangeStreamError");

	/**
	 * MongoDB's Unauthorized (13) and AuthenticationFailed (18): the credentials or roles
	 * of the service (rotated, revoked), not the record.
	 */
	private static final Set<Integer> ACCESS_DENIED_CODES = Set.of(13, 18);

	private static final int MAX_DEPTH = 16;

	private TransientFailures() {
	}

	/**
	 * Whether the failure, or any of its causes, is one of the infrastructure's.
	 * @param failure the failure
	 * @return {@code true} for a failure that a retry after the outage will get past
	 */
	public static boolean isTransient(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (isTransientItself(current)) {
				return true;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return false;
	}

	private static boolean isTransientItself(Throwable failure) {
		return (failure instanceof PublishFailedException published && published.isTransient())
				|| failure instanceof RetriableException || failure instanceof java.util.concurrent.TimeoutException
				|| failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessException || isTransientMongo(failure);
	}

	private static boolean isTransientMongo(Throwable failure) {
		if (failure instanceof MongoSocketException || failure instanceof MongoTimeoutException
				|| failure instanceof MongoExecutionTimeoutException || failure instanceof MongoNotPrimaryException
				|| failure instanceof MongoNodeIsRecoveringException
				|| failure instanceof MongoConnectionPoolClearedException) {
			return true;
		}
		if (isWriteConcernOnly(failure) || failure instanceof MongoSecurityException
				|| (failure instanceof MongoServerException server && ACCESS_DENIED_CODES.contains(server.getCode()))) {
			return true;
		}
		return (failure instanceof MongoException mongo)
				&& TRANSIENT_MONGO_LABELS.stream().anyMatch(mongo::hasErrorLabel);
	}

	/**
	 * The writes were applied but not confirmed by enough members in time (a lagging
	 * secondary, {@code wtimeout}): the replica set's trouble, not the documents'; every
	 * write here is idempotent, so it is written again. A bulk write that also has errors
	 * of its own documents is not.
	 */
	private static boolean isWriteConcernOnly(Throwable failure) {
		return failure instanceof MongoWriteConcernException || (failure instanceof MongoBulkWriteException bulk
				&& bulk.getWriteConcernError() != null && bulk.getWriteErrors().isEmpty());
	}

}
