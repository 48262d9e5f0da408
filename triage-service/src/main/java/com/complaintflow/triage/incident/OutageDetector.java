package com.complaintflow.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.complaintflow.events.Category;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.triage.config.TriageSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Detects outages: when network or emergency complaints from one region pass the
 * threshold within one window (in whatever order they are decided), one incident is
 * opened and published; later complaints join it and it is republished with a higher
 * revision.
 */
@Component
public class OutageDetector {

	private static final Logger log = LoggerFactory.getLogger(OutageDetector.class);

	/**
	 * The most member complaint ids one {@code IncidentDetected} lists (the incident's
	 * first members).
	 */
	static final int MAX_PUBLISHED_MEMBERS = IncidentMembers.MAX_LISTED;

	private final MongoTemplate mongo;

	private final TriageSettings.Outage settings;

	private final MeterRegistry meters;

	private final RegionSignals signals;

	private final IncidentMembers incidents;

	OutageDetector(MongoTemplate mongo, RegionSignals signals, IncidentMembers incidents, TriageSettings settings,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.signals = signals;
		this.incidents = incidents;
		this.settings = settings.outage();
		this.meters = meters;
	}

	/**
	 * Whether a complaint counts towards outages: a network fault, or an emergency that
	 * is no scam call (LABELLING.md: fraud, no fault of the network) and, when it names a
	 * safety hazard, names a loss of service too (a hazard alone is one place's danger,
	 * and goes to the emergency team, not into an outage).
	 * @param category the complaint's category
	 * @param signals the signal ids its text fired
	 */
	public boolean watches(Category category, Collection<String> signals) {
		if (category == Category.NETWORK) {
			return true;
		}
		if (category != Category.EMERGENCY || signals.contains("emergency.fraud")) {
			return false;
		}
		return !signals.contains("emergency.safety") || signals.stream().anyMatch((id) -> id.startsWith("network."));
	}

	/**
	 * The outage state of a poll's regions, read with two queries, to record the poll's
	 * complaints in memory and write them back in bulk: the regions' documents (their
	 * signals and incident count), then the open incidents. In that order: an instance
	 * that opens an incident inserts it before it counts it, so a poll that reads the new
	 * count reads the incident too, and one that reads the old count opens the same
	 * incident if it opens one ({@link #openIfThresholdPassed}). Signals count only in
	 * the regions where no incident is open for every complaint of the poll (in the
	 * others every complaint joins the incident).
	 * @param regions the regions of the poll's complaints
	 * @param earliest the earliest time of the poll's complaints
	 * @param latest the latest time of the poll's complaints
	 * @return the batch
	 */
	public OutageBatch batch(Collection<String> regions, Instant earliest, Instant latest) {
		Map<String, OutageRegion> loaded = this.signals.load(regions);
		Duration quietPeriod = this.settings.quietPeriod();
		Query open = Query.query(Criteria.where("regionCode")
			.in(regions)
			.and("lastSeenAt")
			.gte(earliest.minus(quietPeriod))
			.and("firstSeenAt")
			.lte(latest.plus(quietPeriod)));
		List<Incident> incidents = this.mongo.find(open, Incident.class);
		Set<String> inOutage = incidents.stream()
			.filter((incident) -> incident.isOpenAt(earliest, incident.lastSeenAt(), quietPeriod)
					&& incident.isOpenAt(latest, incident.lastSeenAt(), quietPeriod))
			.map(Incident::regionCode)
			.collect(Collectors.toSet());
		Map<String, List<OutageSignal>> signals = new HashMap<>();
		Map<String, Integer> nextIncident = new HashMap<>();
		loaded.forEach((region, document) -> {
			nextIncident.put(region, document.nextIncident());
			if (!inOutage.contains(region) && document.signals() != null) {
				signals.put(region, document.signals());
			}
		});
		return new OutageBatch(this, this.signals, signals, nextIncident, incidents, this.settings.quietPeriod());
	}

	/**
	 * The incident a complaint would join now, without recording anything (for previews).
	 */
	public String peek(String region, Category category, Collection<String> signals, Instant at) {
		if (!watches(category, signals)) {
			return null;
		}
		Incident open = openIncident(region, at);
		return (open != null) ? open.id() : null;
	}

	private Incident openIncident(String region, Instant at) {
		Query query = Query
			.query(Criteria.where("regionCode")
				.is(region)
				.and("lastSeenAt")
				.gte(at.minus(this.settings.quietPeriod()))
				.and("firstSeenAt")
				.lte(at.plus(this.settings.quietPeriod())))
			.with(Sort.by(Sort.Direction.DESC, "lastSeenAt"))
			.limit(1);
		return this.mongo.findOne(query, Incident.class);
	}

	/**
	 * Opens the region's incident when the recent signals pass the threshold. Its id is
	 * derived from the region and its number among the region's incidents, read with the
	 * signals: instances that pass the threshold at once from different windows of the
	 * region's signals (each holds complaints of its own partitions the other has not
	 * seen) open the same incident, one insert succeeds, and the others join their
	 * windows to it. The incident is counted in the region after its insert; when a crash
	 * left a closed incident under the number, the next number is tried.
	 * @param number the region's incident count as read with the signals
	 * @return the incident opened or joined, or null when the threshold is not passed
	 */
	Incident openIfThresholdPassed(Category category, String region, Instant at, List<OutageSignal> recent,
			int number) {
		List<OutageSignal> ordered = busiestWindow(recent, at, this.settings.window());
		if (ordered.size() < this.settings.threshold()) {
			return null;
		}
		OutageSignal first = ordered.get(0);
		List<String> members = ordered.stream().map(OutageSignal::id).toList();
		Instant last = ordered.get(ordered.size() - 1).at();
		for (int next = number;; next++) {
			String id = "INC-" + region + "-"
					+ EventMetadata.deterministicEventId("incident", region, String.valueOf(next))
						.toString()
						.substring(0, 8);
			Incident incident = new Incident(id, region, category, null, null, null, ordered.size(), 1, first.at(),
					last, first.id(), first.customerId());
			try {
				incident = this.incidents.open(incident, members, ordered.stream().map(OutageSignal::at).toList());
				this.signals.countOpened(region, next + 1);
				Counter.builder("triage.incidents.opened")
					.description("Outage incidents opened (complaints clustered by region and time)")
					.register(this.meters)
					.increment();
				log.warn("Outage detected in region {}: incident {} with {} complaints", region, id, ordered.size());
				return incident;
			}
			catch (DuplicateKeyException ex) {
				Incident existing = this.mongo.findById(id, Incident.class);
				// the count may be missing (the opener crashed before writing it)
				this.signals.countOpened(region, next + 1);
				if (existing != null && existing.isOpenDuring(first.at(), last, existing.lastSeenAt(),
						this.settings.quietPeriod())) {
					// another instance opened it first, maybe from another window of
					// signals: this window joins it, wherever in it the complaint that
					// passed the threshold is
					return this.incidents.join(id, members, last);
				}
			}
		}
	}

	/**
	 * The most signals that fall within one window holding {@code at}, in time order:
	 * complaints of several partitions arrive out of time order, so a complaint counts
	 * the signals that came after it as well as those before, and the region's outage is
	 * found whatever the order its complaints are decided in.
	 */
	static List<OutageSignal> busiestWindow(List<OutageSignal> signals, Instant at, Duration window) {
		List<OutageSignal> near = signals.stream()
			.filter((signal) -> !signal.at().isBefore(at.minus(window)) && !signal.at().isAfter(at.plus(window)))
			.sorted(Comparator.comparing(OutageSignal::at).thenComparing(OutageSignal::id))
			.toList();
		int bestFrom = 0;
		int bestTo = 0;
		int to = 0;
		for (int from = 0; from < near.size() && !near.get(from).at().isAfter(at); from++) {
			Instant end = near.get(from).at().plus(window);
			to = Math.max(to, from);
			while (to < near.size() && !near.get(to).at().isAfter(end)) {
				to++;
			}
			if (to - from > bestTo - bestFrom) {
				bestFrom = from;
				bestTo = to;
			}
		}
		return near.subList(bestFrom, bestTo);
	}

	/**
	 * Adds a poll's new members to their incidents ({@link IncidentMembers#joinAll}).
	 * @return the incidents after the update
	 */
	Map<String, Incident> joinAll(Map<String, List<String>> candidates, Map<String, Instant> lastSeen,
			Map<String, Incident> current) {
		return this.incidents.joinAll(candidates, lastSeen, current);
	}

	/** The events that announce the incidents' current revisions (one read at most). */
	List<IncidentDetected> events(Collection<Incident> incidents) {
		if (incidents.isEmpty()) {
			return List.of();
		}
		Map<String, List<String>> lists = this.incidents.firstMembers(incidents);
		return incidents.stream()
			.map((incident) -> event(incident, lists.getOrDefault(incident.id(), List.of())))
			.toList();
	}

	/**
	 * The members an event lists: the first {@link #MAX_PUBLISHED_MEMBERS}, so an event
	 * stays small in a large outage (the count stays exact, and every later member's own
	 * {@code ComplaintTriaged} carries the incident id).
	 */
	static List<String> published(List<String> members) {
		return (members.size() > MAX_PUBLISHED_MEMBERS) ? List.copyOf(members.subList(0, MAX_PUBLISHED_MEMBERS))
				: members;
	}

	/** The event that announces an incident's current revision. */
	static IncidentDetected event(Incident incident, List<String> firstMembers) {
		return new IncidentDetected(
				EventMetadata.deterministicEventId("incident-detected", incident.id(), incident.revision()), "triage",
				EventMetadata.now(), incident.firstComplaintId(), incident.firstCustomerId(),
				ComplaintEvent.CURRENT_SCHEMA_VERSION, incident.id(), incident.regionCode(), incident.category(),
				published(firstMembers), incident.memberCount(), incident.revision(), incident.firstSeenAt(),
				incident.lastSeenAt());
	}

}
