package com.complaintflow.followup.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
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

	private volatile LongConsumer added = (second) -> {
	};

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
		this.added.accept(second);
	}

	/**
	 * Indexes many cases at once, as {@link #add} does one: one bulk write (one upsert
	 * per due second), written again at the current second if it landed late.
	 * @param fireAt the due time of each case
	 */
	public void addAll(Map<String, Instant> fireAt) {
		if (fireAt.isEmpty()) {
			return;
		}
		if (!this.cursorExists) {
			cursor();
		}
		Map<String, Instant> pending = fireAt;
		while (!pending.isEmpty()) {
			long now = this.clock.instant().getEpochSecond();
			Map<Long, List<String>> bySecond = new TreeMap<>();
			pending.forEach((caseId, at) -> bySecond
				.computeIfAbsent(Math.max(at.getEpochSecond(), now), (second) -> new ArrayList<>())
				.add(caseId));
			List<UpdateOneModel<Document>> writes = new ArrayList<>();
			bySecond.forEach((second,
					cases) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", second),
							Updates.combine(Updates.addEachToSet("cases", cases), Updates.inc("n", 1L)),
							new UpdateOptions().upsert(true))));
			try {
				this.buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				// two instances created the same second's bucket at once: now it exists
				if (!ex.getWriteErrors()
					.stream()
					.allMatch((error) -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
					throw ex;
				}
				this.buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
			}
			Map<String, Instant> late = new LinkedHashMap<>();
			bySecond.forEach((second, cases) -> {
				if (landedLate(second)) {
					cases.forEach((caseId) -> late.put(caseId, Instant.ofEpochSecond(second)));
				}
			});
			pending = late;
			this.added.accept(bySecond.keySet().iterator().next());
		}
	}

	/**
	 * Tells this instance's poller of every entry written (the earliest second of a bulk
	 * write), once the write has landed.
	 * @param listener takes the second written
	 */
	public void onAdded(LongConsumer listener) {
		this.added = listener;
	}

	/**
	 * Called after the write of many cases, as {@link #written} is after one: indexes
	 * again the cases due so soon that a poller may have read them before the write.
	 */
	public void writtenAll(Map<String, Instant> fireAt) {
		Instant soonest = this.clock.instant().plus(this.soon);
		Map<String, Instant> dueSoon = new LinkedHashMap<>();
		fireAt.forEach((caseId, at) -> {
			if (!at.isAfter(soonest)) {
				dueSoon.put(caseId, at);
			}
		});
		addAll(dueSoon);
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
