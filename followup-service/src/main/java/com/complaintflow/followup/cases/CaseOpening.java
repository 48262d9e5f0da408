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

	private final Clock clock;

	CaseOpening(CaseStore store, CaseOutbox outbox, MilestoneClock milestones, IncidentCases incidents,
			ComplaintWordsIntake words, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.milestones = milestones;
		this.incidents = incidents;
		this.words = words;
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
	 * Per record: opens the case of a triaged complaint, or finds the one already opened,
	 * attaches the customer's words if they arrived first, and publishes its
	 * {@code CaseOpened} event if that is still pending.
	 */
	public FollowupCase open(ComplaintTriaged triaged) {
		String caseId = caseIdFor(triaged.complaintId());
		FollowupCase followupCase = this.store.findById(caseId).orElse(null);
		if (followupCase == null) {
			followupCase = build(caseId, triaged);
			if (!this.store.insert(followupCase)) {
				followupCase = this.store.findById(caseId).orElseThrow();
			}
		}
		if (followupCase.getPersonal() == null) {
			this.words.opened(caseId);
		}
		if (followupCase.getIncidentCaseId() != null) {
			this.incidents.link(followupCase.getIncidentCaseId(), List.of(caseId));
		}
		this.outbox.flush(followupCase);
		return followupCase;
	}

	private FollowupCase build(String caseId, ComplaintTriaged triaged) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant start = triaged.occurredAt();
		Deadlines deadlines = triaged.deadlines();
		FollowupCase followupCase = new FollowupCase(caseId, CaseKind.COMPLAINT, triaged.complaintId(),
				triaged.customerId(), now);
		followupCase.triaged(triaged);
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
