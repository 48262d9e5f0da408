package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.CaseStore.CaseTimer;
import com.complaintflow.followup.timer.TimerIndex;
import com.complaintflow.followup.timer.TimerIndexes;
import com.complaintflow.support.test.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk over the timer index against the MongoDB wire server: a poll that fails after
 * claiming cases still hands them over to be fired, and a bucket that cannot be finished
 * for more than a day does not hide the timers due now.
 */
class DueTimersTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private static final TimerSettings SETTINGS = new TimerSettings(true, Duration.ofSeconds(1), Duration.ofSeconds(1),
			Duration.ofSeconds(30), 100, "me", 1, Duration.ofSeconds(10), Duration.ofSeconds(1));

	@Test
	void casesClaimedBeforeAFailureInTheSamePollAreHandedOverToBeFired() {
		FailingMongo mongo = new FailingMongo();
		TimerIndex index = TimerIndexes.create(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
		index.cursor();
		timer(mongo, index, "free", NOW, Instant.EPOCH);
		timer(mongo, index, "leased-elsewhere", NOW, NOW.plusSeconds(5));
		DueTimers due = new DueTimers(index, new CaseStore(mongo, index), SETTINGS);
		Set<String> held = new HashSet<>();

		// the claim of "free" succeeds, then reading "leased-elsewhere" fails
		mongo.failNextFindOne.set(true);
		DueTimers.Claimed claimed = due.claim(NOW, held);

		assertThat(claimed.cases()).extracting(CaseTimer::caseId).containsExactly("free");
		assertThat(held).containsExactly("free");
	}

	@Test
	void aBucketThatCannotBeFinishedForMoreThanADayDoesNotHideTheTimersDueNow() {
		MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), database());
		Instant stuckAt = NOW.minus(Duration.ofHours(30));
		TimerIndex index = TimerIndexes.create(mongo, Clock.fixed(stuckAt, ZoneOffset.UTC));
		index.cursor();
		// held by another instance for a long time: its bucket stays, and the cursor on
		// it
		timer(mongo, index, "stuck", stuckAt, NOW.plus(Duration.ofHours(1)));
		timer(mongo, index, "due-now", NOW, Instant.EPOCH);
		DueTimers due = new DueTimers(index, new CaseStore(mongo, index), SETTINGS);
		Set<String> held = new HashSet<>();

		List<String> claimed = new java.util.ArrayList<>();
		for (int poll = 0; poll < 3 && claimed.isEmpty(); poll++) {
			due.claim(NOW, held).cases().forEach((timer) -> claimed.add(timer.caseId()));
		}

		assertThat(claimed).containsExactly("due-now");
		assertThat(index.cursor()).isEqualTo(stuckAt.getEpochSecond());
	}

	private static void timer(MongoTemplate mongo, TimerIndex index, String caseId, Instant fireAt,
			Instant leaseUntil) {
		index.add(caseId, fireAt);
		mongo.insert(new Document("_id", caseId).append("nextFireAt", Date.from(fireAt))
			.append("leaseUntil", Date.from(leaseUntil))
			.append("leaseOwner", leaseUntil.equals(Instant.EPOCH) ? null : "ghost")
			.append("version", 0L), "cases");
	}

	private static String database() {
		return "timers-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A template whose next {@code findOne} fails once armed, as in a failover. */
	private static final class FailingMongo extends MongoTemplate {

		final AtomicBoolean failNextFindOne = new AtomicBoolean();

		FailingMongo() {
			super(TestInfrastructure.mongoClient(), database());
		}

		@Override
		public <T> T findOne(Query query, Class<T> entityClass) {
			if (this.failNextFindOne.getAndSet(false)) {
				throw new DataAccessResourceFailureException("primary stepped down");
			}
			return super.findOne(query, entityClass);
		}

	}

}
