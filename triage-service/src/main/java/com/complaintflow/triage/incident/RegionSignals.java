package com.complaintflow.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.complaintflow.support.mongo.UnorderedBulk;
import com.complaintflow.triage.config.TriageSettings;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.BulkOperations;
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
		List<OutageSignal> newest = newest(all);
		List<String> expired = expired(all, newest);
		if (!expired.isEmpty()) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(region)), pull(expired), OutageRegion.class);
		}
		return newest;
	}

	/**
	 * The regions' documents (their signals and incident count), read with one query; a
	 * region without one is absent.
	 */
	Map<String, OutageRegion> load(Collection<String> regions) {
		Map<String, OutageRegion> loaded = new HashMap<>();
		for (OutageRegion region : this.mongo.find(Query.query(Criteria.where("_id").in(regions)),
				OutageRegion.class)) {
			loaded.put(region.regionCode(), region);
		}
		return loaded;
	}

	/**
	 * Records that the region's incident number {@code opened - 1} exists ({@code $max},
	 * so a repeat or a late writer changes nothing), after the incident's insert: an
	 * instance that reads the new count reads the incident too.
	 */
	void countOpened(String region, int opened) {
		UnorderedBulk.write(this.mongo, OutageRegion.class, List.of((bulk) -> bulk
			.upsert(Query.query(Criteria.where("_id").is(region)), new Update().max("incidentsOpened", opened))));
	}

	/**
	 * Writes the signals a poll added ({@code $addToSet}, so writing them again changes
	 * nothing) and prunes the expired ones, in one bulk write.
	 * @param added the new signals by region
	 * @param expired the ids of the signals to prune, by region
	 */
	void write(Map<String, List<OutageSignal>> added, Map<String, List<String>> expired) {
		List<Consumer<BulkOperations>> operations = new ArrayList<>();
		added.forEach(
				(region, signals) -> operations.add((bulk) -> bulk.upsert(Query.query(Criteria.where("_id").is(region)),
						new Update().addToSet("signals").each(signals.toArray()))));
		expired.forEach((region, ids) -> operations
			.add((bulk) -> bulk.updateOne(Query.query(Criteria.where("_id").is(region)), pull(ids))));
		UnorderedBulk.write(this.mongo, OutageRegion.class, operations);
	}

	/**
	 * The signals a region keeps: within the retention behind its newest, at most the
	 * newest {@code maxSignals}, newest first.
	 */
	List<OutageSignal> newest(List<OutageSignal> all) {
		if (all.isEmpty()) {
			return List.of();
		}
		Instant keepFrom = all.stream()
			.map(OutageSignal::at)
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.minus(this.retention);
		return all.stream()
			.filter((kept) -> !kept.at().isBefore(keepFrom))
			.sorted(Comparator.comparing(OutageSignal::at).thenComparing(OutageSignal::id).reversed())
			.limit(this.maxSignals)
			.toList();
	}

	/** The ids of the signals of {@code all} that {@code kept} leaves out. */
	static List<String> expired(List<OutageSignal> all, List<OutageSignal> kept) {
		if (kept.size() == all.size()) {
			return List.of();
		}
		Set<String> keep = new HashSet<>(kept.stream().map(OutageSignal::id).toList());
		return all.stream().map(OutageSignal::id).filter((id) -> !keep.contains(id)).distinct().toList();
	}

	private static Update pull(List<String> ids) {
		return new Update().pull("signals", new Document("id", new Document("$in", ids)));
	}

}
