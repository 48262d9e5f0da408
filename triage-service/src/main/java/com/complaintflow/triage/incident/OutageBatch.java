package com.complaintflow.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.Category;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.IncidentDetected;

/**
 * The outage state of one poll's regions in memory: their signals and open incidents,
 * read once, so each complaint is recorded without a round trip; the new signals are
 * written in one bulk write and each incident the poll joined in one update (one revision
 * for all its new members). An incident opens at once (one insert), as before.
 */
public final class OutageBatch {

	private final OutageDetector detector;

	private final RegionSignals regionSignals;

	private final Duration quietPeriod;

	private final Map<String, List<OutageSignal>> signals = new LinkedHashMap<>();

	private final Map<String, List<OutageSignal>> added = new LinkedHashMap<>();

	private final List<Incident> incidents;

	private final Map<String, List<String>> joining = new LinkedHashMap<>();

	private final Map<String, Instant> lastSeen = new LinkedHashMap<>();

	private final Set<String> touched = new LinkedHashSet<>();

	OutageBatch(OutageDetector detector, RegionSignals regionSignals, Map<String, List<OutageSignal>> loaded,
			List<Incident> incidents, Duration quietPeriod) {
		this.detector = detector;
		this.regionSignals = regionSignals;
		this.quietPeriod = quietPeriod;
		loaded.forEach((region, list) -> this.signals.put(region, new ArrayList<>(list)));
		this.incidents = new ArrayList<>(incidents);
	}

	/**
	 * Records a complaint and returns the incident it belongs to; safe to repeat for the
	 * same complaint.
	 * @param complaint the complaint
	 * @param category its category (network or emergency)
	 * @return the incident id, or null when there is no outage
	 */
	public String record(ComplaintReceived complaint, Category category) {
		String region = complaint.location().regionCode();
		Instant at = complaint.occurredAt();
		OutageSignal signal = new OutageSignal(complaint.complaintId(), complaint.customerId(), category, at);
		List<OutageSignal> all = this.signals.computeIfAbsent(region, (key) -> new ArrayList<>());
		if (all.stream().noneMatch((known) -> known.id().equals(signal.id()))) {
			all.add(signal);
			this.added.computeIfAbsent(region, (key) -> new ArrayList<>()).add(signal);
		}
		Incident open = openIncident(region, at);
		if (open == null) {
			open = this.detector.openIfThresholdPassed(complaint, category, region, at, this.regionSignals.newest(all));
			if (open == null) {
				return null;
			}
			this.incidents.add(open);
		}
		else if (!isMember(open, complaint.complaintId())) {
			this.joining.computeIfAbsent(open.id(), (id) -> new ArrayList<>()).add(complaint.complaintId());
			this.lastSeen.merge(open.id(), at, (a, b) -> a.isAfter(b) ? a : b);
		}
		this.touched.add(open.id());
		return open.id();
	}

	/**
	 * Announces an incident again with the poll's events (its current revision), when it
	 * is one of the open incidents read.
	 */
	public void announce(String incidentId) {
		if (this.incidents.stream().anyMatch((incident) -> incident.id().equals(incidentId))) {
			this.touched.add(incidentId);
		}
	}

	/**
	 * Writes the poll's signals, then its incident members, and returns the events that
	 * announce every incident the poll's complaints belong to (the caller publishes them
	 * before the offsets commit).
	 * @return the events to publish
	 */
	public List<IncidentDetected> write() {
		Map<String, List<String>> expired = new LinkedHashMap<>();
		this.added.forEach((region, newSignals) -> {
			List<OutageSignal> all = this.signals.get(region);
			List<String> dropped = new ArrayList<>(RegionSignals.expired(all, this.regionSignals.newest(all)));
			newSignals.forEach((signal) -> dropped.remove(signal.id()));
			if (!dropped.isEmpty()) {
				expired.put(region, dropped);
			}
		});
		this.regionSignals.write(this.added, expired);
		this.added.clear();
		this.joining.forEach((id, members) -> replace(this.detector.joinAll(id, members, this.lastSeen.get(id))));
		this.joining.clear();
		this.lastSeen.clear();
		List<IncidentDetected> events = new ArrayList<>();
		for (String id : this.touched) {
			this.incidents.stream()
				.filter((incident) -> incident.id().equals(id))
				.findFirst()
				.map(OutageDetector::event)
				.ifPresent(events::add);
		}
		this.touched.clear();
		return events;
	}

	private Incident openIncident(String region, Instant at) {
		Instant from = at.minus(this.quietPeriod);
		return this.incidents.stream()
			.filter((incident) -> incident.regionCode().equals(region) && !lastSeenAt(incident).isBefore(from))
			.max(Comparator.comparing(this::lastSeenAt))
			.orElse(null);
	}

	private Instant lastSeenAt(Incident incident) {
		Instant pending = this.lastSeen.get(incident.id());
		return (pending != null && pending.isAfter(incident.lastSeenAt())) ? pending : incident.lastSeenAt();
	}

	private boolean isMember(Incident incident, String complaintId) {
		return incident.members().contains(complaintId)
				|| (incident.recent() != null && incident.recent().contains(complaintId))
				|| this.joining.getOrDefault(incident.id(), List.of()).contains(complaintId);
	}

	private void replace(Incident updated) {
		if (updated != null) {
			this.incidents.replaceAll((incident) -> incident.id().equals(updated.id()) ? updated : incident);
		}
	}

}
