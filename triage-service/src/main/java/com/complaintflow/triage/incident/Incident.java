package com.complaintflow.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outage in a region: a small document of counts and times, whose size does not depend
 * on the outage's size, rewritten once per poll that adds members. Every member is in
 * {@code incident_members} ({@link IncidentMember}); the first members (the ones its
 * event lists) are in {@code incident_first_members} ({@link FirstMembers}). Its events
 * carry the first member's complaint and customer, so every revision has the same Kafka
 * key and consumers read them in order.
 *
 * @param members the first members, only in a document stored before the first members
 * had their own collection (null since)
 * @param recent the most recent joiners, likewise only in such an older document
 * @param joining complaints counted whose membership is not written yet (a join in
 * flight, or one a crash interrupted): a repeated join of these does not count again
 * @param memberCount every member, exact
 */
@Document("incidents")
record Incident(@Id String id, String regionCode, Category category, List<String> members, List<String> recent,
		List<String> joining, int memberCount, int revision, Instant firstSeenAt, Instant lastSeenAt,
		String firstComplaintId, String firstCustomerId) {

	/**
	 * Whether a complaint received at {@code at} belongs to this incident, last seen at
	 * {@code lastSeenAt}: it falls within the quiet period after the incident's last
	 * member or before its first (complaints decided out of time order join it; one
	 * re-driven from days before, or after it has gone quiet, does not).
	 */
	boolean isOpenAt(Instant at, Instant lastSeenAt, Duration quietPeriod) {
		return isOpenDuring(at, at, lastSeenAt, quietPeriod);
	}

	/**
	 * Whether complaints received from {@code from} to {@code to} belong to this
	 * incident, last seen at {@code lastSeenAt}: some of that time falls within the quiet
	 * period of its members ({@link #isOpenAt}).
	 */
	boolean isOpenDuring(Instant from, Instant to, Instant lastSeenAt, Duration quietPeriod) {
		return !lastSeenAt.isBefore(from.minus(quietPeriod)) && !this.firstSeenAt.isAfter(to.plus(quietPeriod));
	}

	/** Whether a complaint is counted and its membership may not be written yet. */
	boolean isJoining(String complaintId) {
		return this.joining != null && this.joining.contains(complaintId);
	}

	/** The complaints counted whose membership may not be written yet. */
	List<String> joiningOrNone() {
		return (this.joining != null) ? this.joining : List.of();
	}

	/** This incident with these complaints in {@code joining}. */
	Incident withJoining(List<String> complaintIds) {
		return new Incident(this.id, this.regionCode, this.category, this.members, this.recent, complaintIds,
				this.memberCount, this.revision, this.firstSeenAt, this.lastSeenAt, this.firstComplaintId,
				this.firstCustomerId);
	}

}
