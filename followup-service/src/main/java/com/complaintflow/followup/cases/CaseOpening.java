package com.complaintflow.followup.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.support.tracing.ComplaintTrace;

import org.springframework.stereotype.Component;

/**
 * Opens exactly one case per triaged complaint: the case id is derived from the complaint
 * id, the insert is keyed by it, and the {@code CaseOpened} event has a deterministic id,
 * so a redelivered decision changes nothing and republishes the same event.
 */
@Component
public class CaseOpening {

	/** The source of every event this service publishes. */
	public static final String SOURCE = CaseEvents.SOURCE;

	private final CaseStore store;

	private final CaseOutbox outbox;

	private final MilestoneClock milestones;

	private final IncidentCases incidents;

	private final ComplaintWordsIntake words;

	private final ComplaintTrace trace;

	private final Clock clock;

	CaseOpening(CaseStore store, CaseOutbox outbox, MilestoneClock milestones, IncidentCases incidents,
			ComplaintWordsIntake words, ComplaintTrace trace, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.milestones = milestones;
		this.incidents = incidents;
		this.words = words;
		this.trace = trace;
		this.clock = clock;
	}

	/** The case id of a complaint: the same complaint always gives the same case. */
	public static String caseIdFor(String complaintId) {
		return EventMetadata.deterministicEventId("case", complaintId).toString();
	}

	/** The case id of an incident. */
	public static String incidentCaseIdFor(String incidentId) {
		return caseIdFor("incident:" + incidentId);
	}

	/**
	 * Starts opening the cases of a poll's decisions in bulk: reads the cases that exist
	 * with one query; {@link CaseBatch#add} then builds each new case in memory and
	 * {@link CaseBatch#write} stores and announces them.
	 * @param triaged the poll's decisions
	 * @return the batch
	 */
	CaseBatch begin(List<ComplaintTriaged> triaged) {
		return new CaseBatch(this, this.store, this.outbox, this.incidents, this.words,
				this.store.findAll(triaged.stream().map((decision) -> caseIdFor(decision.complaintId())).toList()));
	}

	/** Builds the case of a decision, in memory. */
	FollowupCase build(ComplaintTriaged triaged) {
		return build(caseIdFor(triaged.complaintId()), triaged);
	}

	private FollowupCase build(String caseId, ComplaintTriaged triaged) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		// the promises are counted from when intake received the complaint, not from when
		// triage decided it (a late decision must not move them or shrink their windows)
		Instant start = (triaged.receivedAt() != null && triaged.receivedAt().isBefore(triaged.occurredAt()))
				? triaged.receivedAt() : triaged.occurredAt();
		Deadlines deadlines = triaged.deadlines();
		FollowupCase followupCase = new FollowupCase(caseId, CaseKind.COMPLAINT, triaged.complaintId(),
				triaged.customerId(), now);
		followupCase.triaged(triaged);
		followupCase.setTraceParent(this.trace.current());
		if (triaged.incidentId() != null) {
			followupCase.setIncidentCaseId(incidentCaseIdFor(triaged.incidentId()));
		}
		List<Milestone> list = followupCase.getMilestones();
		list.add(this.milestones.open(caseId, MilestoneKind.FIRST_RESPONSE, 1, start, deadlines.firstResponseBy(),
				null));
		if (deadlines.engineerContactBy() != null) {
			list.add(this.milestones.open(caseId, MilestoneKind.ENGINEER_CONTACT, 1, start,
					deadlines.engineerContactBy(), null));
		}
		if (deadlines.promisedAnswerBy() != null) {
			list.add(this.milestones.open(caseId, MilestoneKind.PROMISED_ANSWER, 1, start, deadlines.promisedAnswerBy(),
					null));
		}
		list.add(this.milestones.open(caseId, MilestoneKind.PROGRESS_UPDATE, 1, start, null,
				deadlines.progressUpdateEvery()));
		followupCase.rescheduleTimer();
		followupCase.record(now, "OPENED", "system", "Opened for a " + triaged.category() + " complaint, priority "
				+ triaged.priority() + ", playbook " + triaged.playbook() + ", queue " + triaged.queue());
		this.outbox.add(followupCase,
				CaseEvents.of(followupCase, now).opened(EventMetadata.deterministicEventId(caseId, "case-opened")));
		return followupCase;
	}

}
