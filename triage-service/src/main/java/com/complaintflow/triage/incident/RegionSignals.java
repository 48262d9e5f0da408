package com.complaintflow.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.complaintflow.triage.config.TriageSettings;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outage signals of each region, one document per region read and written by
 * {@code _id} only; adding a signal twice changes nothing, and signals older than twice
 * the outage window (behind the region's newest), or beyond the newest
 * {@link #MAX_SIGNALS}, are pruned.
 */
@Component
class RegionSignals {

	/**
	 * The most signals a region keeps (the newest): far above any threshold, so whether a
	 * region is in an outage is decided the same, while a large outage (every member adds
	 * a signal) no longer grows the region's document, and the read of it on every
	 * complaint, without end.
	 */
	static final int MAX_SIGNALS = 1000;

	private final MongoTemplate mongo;

	private final Duration retention;

	private final int maxSignals;

	@Autowired
	RegionSignals(MongoTemplate mongo, TriageSettings settings) {
		this(mongo, settings, MAX_SIGNALS);
	}

	RegionSignals(MongoTemplate mongo, TriageSettings settings, int maxSignals) {
		this.mongo = mongo;
		this.retention = settings.outage().window().multipliedBy(2);
		this.maxSignals = maxSignals;
	}

	/**
	 * Adds a signal to its region.
	 * @return the region's signals after adding it, the pruned ones left out
	 */
	List<OutageSignal> add(String region, OutageSignal signal) {
		Query absent = Query.query(Criteria.where("_id").is(region).and("signals.id").ne(signal.id()));
		try {
			this.mongo.upsert(absent, new Update().push("signals", signal), OutageRegion.class);
		}
		catch (DuplicateKeyException ex) {
			// the region's document exists and holds the signal already
		}
		OutageRegion stored = this.mongo.findById(region, OutageRegion.class);
		List<OutageSignal> all = (stored != null && stored.signals() != null) ? stored.signals() : List.of(signal);
		Instant keepFrom = all.stream()
			.map(OutageSignal::at)
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.minus(this.retention);
		List<OutageSignal> newest = all.stream()
			.filter((kept) -> !kept.at().isBefore(keepFrom))
			.sorted(Comparator.comparing(OutageSignal::at).thenComparing(OutageSignal::id).reversed())
			.limit(this.maxSignals)
			.toList();
		if (newest.size() < all.size()) {
			java.util.Set<String> keep = new java.util.HashSet<>(newest.stream().map(OutageSignal::id).toList());
			List<String> expired = all.stream().map(OutageSignal::id).filter((id) -> !keep.contains(id)).toList();
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(region)),
					new Update().pull("signals", new Document("id", new Document("$in", expired))), OutageRegion.class);
		}
		return newest;
	}

}
