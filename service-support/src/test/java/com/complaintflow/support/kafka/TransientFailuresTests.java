package com.complaintflow.support.kafka;

import java.util.List;
import java.util.Set;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.kafka.InvalidEventException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures count as the infrastructure's (retried without limit) and which as the
 * record's.
 */
class TransientFailuresTests {

	@Test
	void aStalledOrUnreachableDatabaseIsTransientHoweverDeeplyWrapped() {
		Exception stalled = new ListenerExecutionFailedException("listener failed",
				new DataAccessResourceFailureException("read timed out",
						new MongoSocketReadTimeoutException("timeout", new ServerAddress(), null)));
		assertThat(TransientFailures.isTransient(stalled)).isTrue();
		assertThat(TransientFailures.isTransient(new MongoTimeoutException("no server"))).isTrue();
	}

	@Test
	void anUnacknowledgedPublishOrAnUnavailableBrokerIsTransient() {
		CaseClosed event = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-1", "cust-1", 1,
				"case-1", "agent", Outcome.RETAINED);
		assertThat(TransientFailures.isTransient(new PublishFailedException(event, new RuntimeException("x"))))
			.isTrue();
		assertThat(TransientFailures.isTransient(
				new RuntimeException(new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"))))
			.isTrue();
		assertThat(TransientFailures.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
	}

	@Test
	void writesAMemberDidNotConfirmInTimeAreTransientUnlessADocumentFailedToo() {
		WriteConcernError timedOut = new WriteConcernError(64, "WriteConcernFailed",
				"waiting for replication timed out", new BsonDocument());
		BulkWriteResult applied = BulkWriteResult.acknowledged(1, 0, 0, 0, List.of(), List.of());
		// as Spring Data reports a bulk write's write-concern error
		Exception bulk = new DataIntegrityViolationException("bulk write",
				new MongoBulkWriteException(applied, List.of(), timedOut, new ServerAddress(), Set.of()));
		Exception withADocumentsOwnError = new DataIntegrityViolationException("bulk write",
				new MongoBulkWriteException(applied,
						List.of(new BulkWriteError(11000, "duplicate key", new BsonDocument(), 0)), timedOut,
						new ServerAddress(), Set.of()));

		assertThat(TransientFailures.isTransient(bulk)).isTrue();
		assertThat(TransientFailures.isTransient(new MongoWriteConcernException(timedOut, new ServerAddress())))
			.isTrue();
		assertThat(TransientFailures.isTransient(withADocumentsOwnError)).isFalse();
	}

	@Test
	void credentialsTheDatabaseRefusesAreTransientSoNoRecordIsDeadLetteredForThem() {
		MongoSecurityException rotated = new MongoSecurityException(
				MongoCredential.createScramSha256Credential("followup", "admin", "old".toCharArray()),
				"Exception authenticating");
		MongoCommandException revoked = new MongoCommandException(BsonDocument.parse(
				"{ok: 0, code: 13, codeName: 'Unauthorized', errmsg: 'not authorized on followup to execute command'}"),
				new ServerAddress());
		MongoCommandException otherCommandError = new MongoCommandException(
				BsonDocument.parse("{ok: 0, code: 2, codeName: 'BadValue', errmsg: 'bad value'}"), new ServerAddress());

		assertThat(TransientFailures.isTransient(new PermissionDeniedDataAccessException("x", rotated))).isTrue();
		assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("x", revoked))).isTrue();
		assertThat(TransientFailures.isTransient(otherCommandError)).isFalse();
	}

	@Test
	void aRecordThatCanNeverSucceedOrABugIsNotTransient() {
		assertThat(TransientFailures.isTransient(new InvalidEventException("unknown schema version 9"))).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
		assertThat(TransientFailures.isTransient(new DuplicateKeyException("dup"))).isFalse();
	}

	@Test
	void aPublishTheBrokerRejectsForTheRecordItselfIsNotTransient() {
		CaseClosed event = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-1", "cust-1", 1,
				"case-1", "agent", Outcome.RETAINED);
		PublishFailedException tooLarge = new PublishFailedException(event, 3,
				new java.util.concurrent.ExecutionException(
						new org.apache.kafka.common.errors.RecordTooLargeException("too large")));
		assertThat(tooLarge.index()).isEqualTo(3);
		assertThat(tooLarge.isTransient()).isFalse();
		assertThat(TransientFailures.isTransient(tooLarge)).isFalse();
	}

}
