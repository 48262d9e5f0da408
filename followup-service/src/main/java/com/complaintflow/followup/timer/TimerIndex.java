package com.complaintflow.followup.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The due-time index of the reminders, read and written by {@code _id} only (so it is as
 * fast on the wire server as on MongoDB): collection {@code timer_buckets} holds one
 * document per due second listing the cases due in it, and {@code timer_cursor} the
 * lowest second not yet finished. A case is added before the write that gives it that due
 * time; a second is never written behind the writer's clock, and an entry whose write
 * landed so late (a stalled database) that its second may have been finished meanwhile is
 * written again at the current second, so a finished second never holds the only entry.
 */
@Component
public class TimerIndex {

	static final String BUCKETS = "timer_buckets";

	static final String CURSOR = "timer_cursor";

	private static final String CURSOR_ID = "reminders";

	private final MongoCollection<Document> buckets;

	private final MongoCollection<Document> cursor;

	private final Clock clock;

	private final Duration soon;

	private final long lateSeconds;

	private volatile boolean cursorExists;

	TimerIndex(MongoTemplate mongo, Clock clock,
			@Value("${complaintflow.followup.timers.lookahead:1s}") Duration lookahead,
			@Value("${complaintflow.followup.timers.bucket-grace:10s}") Duration bucketGrace) {
		this.buckets = mongo.getCollection(BUCKETS);
		this.cursor = mongo.getCollection(CURSOR);
		this.clock = clock;
		this.soon = lookahead.plusSeconds(1);
		// pollers finish a second once it is older than the grace: half of it leaves room
		// for clocks that differ between instances
		this.lateSeconds = Math.max(1, bucketGrace.toSeconds() / 2);
	}

	/**
	 * Indexes a case under its due time (or now, if that is past), again at the current
	 * second if the write landed late. Call it before the write that sets the due time:
	 * an entry without that write is harmless, a write without its entry would lose the
	 * timer.
	 */
	public void add(String caseId, Instant fireAt) {
		if (!this.cursorExists) {
			cursor();
		}
		long second;
		do {
			second = Math.max(fireAt.getEpochSecond(), this.clock.instant().getEpochSecond());
			this.buckets.updateOne(Filters.eq("_id", second),
					Updates.combine(Updates.addToSet("cases", caseId), Updates.inc("n", 1L)),
					new UpdateOptions().upsert(true));
		}
		while (landedLate(second));
	}

	/**
	 * Whether a write to {@code second} finished so late that pollers may have finished
	 * that second before it landed (the entry would then sit behind the cursor, unread).
	 */
	private boolean landedLate(long second) {
		return this.clock.instant().getEpochSecond() - second >= this.lateSeconds;
	}

	/**
	 * Called after the write that set the due time: if the timer is due so soon that a
	 * poller may have read the case before the write landed, writes the entry again, so
	 * the bucket's write count changes and pollers look at its cases once more.
	 */
	public void written(String caseId, Instant fireAt) {
		if (!fireAt.isAfter(this.clock.instant().plus(this.soon))) {
			add(caseId, fireAt);
		}
	}

	/**
	 * The lowest second not finished yet; the first caller starts it at the current
	 * second (nothing older can be indexed: writers never go behind their clock).
	 */
	public long cursor() {
		Document found = this.cursor.findOneAndUpdate(Filters.eq("_id", CURSOR_ID),
				Updates.setOnInsert("second", this.clock.instant().getEpochSecond()),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		this.cursorExists = true;
		return found.get("second", Number.class).longValue();
	}

	/**
	 * Moves the cursor from {@code from} to {@code to}; false if another instance moved
	 * it.
	 */
	public boolean advance(long from, long to) {
		return this.cursor.findOneAndUpdate(Filters.and(Filters.eq("_id", CURSOR_ID), Filters.eq("second", from)),
				Updates.set("second", to)) != null;
	}

	/** The buckets that exist between two seconds (inclusive), in order. */
	public List<TimerBucket> buckets(long from, long to) {
		List<Long> seconds = new ArrayList<>((int) (to - from + 1));
		for (long second = from; second <= to; second++) {
			seconds.add(second);
		}
		List<TimerBucket> found = new ArrayList<>();
		for (Document bucket : this.buckets.find(Filters.in("_id", seconds)).sort(Sorts.ascending("_id"))) {
			found.add(new TimerBucket(bucket.get("_id", Number.class).longValue(),
					bucket.get("n", Number.class).longValue(), bucket.getList("cases", String.class)));
		}
		return found;
	}

	/**
	 * Removes a checked bucket unless something was added to it since it was read.
	 * @return whether the bucket is gone
	 */
	public boolean finish(TimerBucket bucket) {
		Document removed = this.buckets
			.findOneAndDelete(Filters.and(Filters.eq("_id", bucket.second()), Filters.eq("n", bucket.writes())));
		return removed != null
				|| Optional.ofNullable(this.buckets.find(Filters.eq("_id", bucket.second())).first()).isEmpty();
	}

}
