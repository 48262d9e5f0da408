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
 * The outage state of one poll's regions in memory: their open incidents and, where none
 * is open, their signals, read once, so each complaint is recorded without a round trip.
 * A complaint of a region with an open incident joins it and is no signal (it could never
 * count: the incident stays open longer than a window after it); one of a region without
 * is a signal, and opens an incident when the threshold is passed (one insert, at once).
 * The poll's new signals are written in one bulk write and its joins in one update per
 * incident (one revision for all its new members).
 */
public final class OutageBatch {

	private final OutageDetector detector;

	private final RegionSignals regionSignals;

	private final Duration quietPeriod;

	private final Map<String, List<OutageSignal>> signals = new LinkedHashMap<>();

	private final Map<String, List<OutageSignal>> added = new LinkedHashMap<>();

	private final Map<String, Integer> nextIncident;

	private final List<Incident> incidents;

	private final Map<String, List<String>> joining = new LinkedHashMap<>();

	private final Map<String, Instant> lastSeen = new LinkedHashMap<>();

	private final Set<String> touched = new LinkedHashSet<>();

	OutageBatch(OutageDetector detector, RegionSignals regionSignals, Map<String, List<OutageSignal>> loaded,
			Map<String, Integer> nextIncident, List<Incident> incidents, Duration quietPeriod) {
		this.detector = detector;
		this.nextIncident = nextIncident;
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
		Incident open = openIncident(region, at);
		if (open == null) {
			OutageSignal signal = new OutageSignal(complaint.complaintId(), complaint.customerId(), category, at);
			List<OutageSignal> all = this.signals.computeIfAbsent(region, (key) -> new ArrayList<>());
			if (all.stream().noneMatch((known) -> known.id().equals(signal.id()))) {
				all.add(signal);
				this.added.computeIfAbsent(region, (key) -> new ArrayList<>()).add(signal);
			}
			open = this.detector.openIfThresholdPassed(category, region, at, this.regionSignals.newest(all),
					this.nextIncident.getOrDefault(region, 0));
			if (open == null) {
				return null;
			}
			this.incidents.add(open);
		}
		else {
			List<String> members = this.joining.computeIfAbsent(open.id(), (id) -> new ArrayList<>());
			if (!members.contains(complaint.complaintId())) {
				members.add(complaint.complaintId());
			}
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
		if (!this.joining.isEmpty()) {
			Map<String, Incident> current = new LinkedHashMap<>();
			this.incidents.forEach((incident) -> current.put(incident.id(), incident));
			this.detector.joinAll(this.joining, this.lastSeen, current).values().forEach(this::replace);
		}
		this.joining.clear();
		this.lastSeen.clear();
		List<Incident> announced = this.incidents.stream()
			.filter((incident) -> this.touched.contains(incident.id()))
			.toList();
		this.touched.clear();
		return this.detector.events(announced);
	}

	private Incident openIncident(String region, Instant at) {
		return this.incidents.stream()
			.filter((incident) -> incident.regionCode().equals(region)
					&& incident.isOpenAt(at, lastSeenAt(incident), this.quietPeriod))
			.max(Comparator.comparing(this::lastSeenAt))
			.orElse(null);
	}

	private Instant lastSeenAt(Incident incident) {
		Instant pending = this.lastSeen.get(incident.id());
		return (pending != null && pending.isAfter(incident.lastSeenAt())) ? pending : incident.lastSeenAt();
	}

	private void replace(Incident updated) {
		this.incidents.replaceAll((incident) -> incident.id().equals(updated.id()) ? updated : incident);
	}

}
