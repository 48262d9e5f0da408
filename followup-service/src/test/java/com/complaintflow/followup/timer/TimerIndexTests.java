package com.complaintflow.followup.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.complaintflow.followup.MutableClock;
import com.complaintflow.support.test.TestInfrastructure;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timer index against the MongoDB wire server: an entry whose write lands later than
 * half the bucket grace (a stalled database) is written again at the current second, so
 * it never sits only in a second the pollers may have finished meanwhile.
 */
class TimerIndexTests {

	private static final Duration GRACE = Duration.ofSeconds(10);

	private final MutableClock clock = new MutableClock(MutableClock.START);

	private final AtomicBoolean stallNextBucketWrite = new AtomicBoolean();

	private MongoClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Test
	void anEntryThatLandedAfterHalfTheGraceIsWrittenAgainAtTheCurrentSecond() {
		TimerIndex index = index();
		long due = this.clock.instant().getEpochSecond();
		this.stallNextBucketWrite.set(true);

		index.add("case-1", this.clock.instant());

		long now = this.clock.instant().getEpochSecond();
		assertThat(now - due).isEqualTo(20);
		assertThat(casesAt(index, now)).containsExactly("case-1");
		assertThat(casesAt(index, due)).containsExactly("case-1");
	}

	@Test
	void anEntryWrittenInTimeIsWrittenOnce() {
		TimerIndex index = index();
		Instant fireAt = this.clock.instant().plusSeconds(30);

		index.add("case-2", fireAt);

		assertThat(index.buckets(this.clock.instant().getEpochSecond(), fireAt.getEpochSecond() + 60))
			.extracting(TimerBucket::second)
			.containsExactly(fireAt.getEpochSecond());
	}

	/**
	 * A timer index on a fresh database, whose bucket writes can be made to "take" 20 s.
	 */
	private TimerIndex index() {
		TestInfrastructure.start();
		CommandListener stall = new CommandListener() {
			@Override
			public void commandSucceeded(CommandSucceededEvent event) {
				if (event.getCommandName().equals("update")
						&& TimerIndexTests.this.stallNextBucketWrite.getAndSet(false)) {
					TimerIndexTests.this.clock.advance(GRACE.multipliedBy(2));
				}
			}
		};
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
			.addCommandListener(stall)
			.build());
		MongoTemplate mongo = new MongoTemplate(this.client, "timer-" + UUID.randomUUID().toString().substring(0, 8));
		return new TimerIndex(mongo, this.clock, Duration.ofSeconds(1), GRACE);
	}

	private static List<String> casesAt(TimerIndex index, long second) {
		return index.buckets(second, second).stream().flatMap((bucket) -> bucket.caseIds().stream()).toList();
	}

}
