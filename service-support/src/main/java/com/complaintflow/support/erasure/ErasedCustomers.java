package com.complaintflow.support.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.complaintflow.support.mongo.StartupIndexes;
import com.complaintflow.support.mongo.UnorderedBulk;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The customers erased so far, in {@code erased_customers}: per customer a hash of the id
 * (never the id) and when the erasure was requested, so an event of the customer from
 * before the request, still in a topic when the erasure ran or re-driven later, can be
 * skipped instead of writing the erased data again. Read into memory at start-up (the
 * service does not start without it) and then every {@link #REFRESH} by a background
 * thread, with the markers written since (by {@code markedAt}), so a listener never waits
 * on the database for it; a marker this instance writes counts at once.
 */
public class ErasedCustomers implements AutoCloseable {

	static final String COLLECTION = "erased_customers";

	/** How stale this instance's view of the other instances' erasures may be. */
	static final Duration REFRESH = Duration.ofSeconds(2);

	/** Markers written this long before the last refresh are read again (clock skew). */
	private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(ErasedCustomers.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Map<String, Instant> requestedAt = new ConcurrentHashMap<>();

	private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "erased-customers-refresh");
		thread.setDaemon(true);
		return thread;
	});

	private Instant refreshedAt;

	public ErasedCustomers(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		StartupIndexes.ensure(mongo, COLLECTION, new Index("markedAt", Sort.Direction.ASC));
		read(new Query());
		this.refresher.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Records the customer's erasure, requested at the given time (a later request of the
	 * same customer moves it on).
	 */
	public void mark(String customerId, Instant erasureRequestedAt) {
		String key = key(customerId);
		UnorderedBulk.write(this.mongo, COLLECTION,
				List.of((bulk) -> bulk.upsert(Query.query(Criteria.where("_id").is(key)),
						new Update().max("requestedAt", erasureRequestedAt).set("markedAt", this.clock.instant()))));
		this.requestedAt.merge(key, erasureRequestedAt, ErasedCustomers::later);
	}

	/**
	 * When the customer's latest erasure was requested, or null when the customer was
	 * never erased, as this instance knows it (at most {@link #REFRESH} behind the
	 * others).
	 */
	public Instant erasureRequestedAt(String customerId) {
		// every listener asks for every record: no hash while nobody was erased
		return this.requestedAt.isEmpty() ? null : this.requestedAt.get(key(customerId));
	}

	/**
	 * When the customer's latest erasure was requested, read from the database now (one
	 * read by {@code _id}), or null when the customer was never erased: for a check that
	 * must see another instance's erasure at once.
	 */
	public Instant erasureRequestedAtNow(String customerId) {
		Document marker = this.mongo.findById(key(customerId), Document.class, COLLECTION);
		return (marker != null) ? marker.getDate("requestedAt").toInstant() : null;
	}

	/**
	 * When each of the customers' latest erasure was requested, read from the database
	 * now (one query by {@code _id}) and kept in this instance's view; a customer never
	 * erased is left out, a failure to read is thrown.
	 */
	Map<String, Instant> erasureRequestedAtNow(Collection<String> customerIds) {
		Map<String, String> customerByKey = new HashMap<>();
		customerIds.forEach((customerId) -> customerByKey.put(key(customerId), customerId));
		Map<String, Instant> requested = new HashMap<>();
		for (Document marker : this.mongo.find(Query.query(Criteria.where("_id").in(customerByKey.keySet())),
				Document.class, COLLECTION)) {
			Instant at = marker.getDate("requestedAt").toInstant();
			requested.put(customerByKey.get(marker.getString("_id")), at);
			// the listeners' filter knows it from now on, not only after the next refresh
			this.requestedAt.merge(marker.getString("_id"), at, ErasedCustomers::later);
		}
		return requested;
	}

	/** Reads the markers written since the last refresh (and a margin for clock skew). */
	synchronized void refresh() {
		try {
			read(Query.query(Criteria.where("markedAt").gte(this.refreshedAt.minus(CLOCK_MARGIN))));
		}
		catch (DataAccessException ex) {
			// the database is unreachable: the next refresh reads what this one missed
			logger.warn("Cannot read the erased customers: {}", ex.getMessage());
		}
	}

	private synchronized void read(Query written) {
		Instant now = this.clock.instant();
		for (Document marker : this.mongo.find(written, Document.class, COLLECTION)) {
			this.requestedAt.merge(marker.getString("_id"), marker.getDate("requestedAt").toInstant(),
					ErasedCustomers::later);
		}
		this.refreshedAt = now;
	}

	@Override
	public void close() {
		this.refresher.shutdownNow();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** The marker's id: a SHA-256 of the customer id, never the id. */
	static String key(String customerId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("erased-customer:" + customerId).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
