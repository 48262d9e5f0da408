package com.complaintflow.analytics.journal;

import java.math.BigDecimal;
import java.util.Date;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.MilestoneActual;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.RemedyChosen;
import com.complaintflow.events.RemedyOffered;
import com.complaintflow.events.RemedyOption;
import org.bson.Document;

/**
 * The attributes of an event that analytics keeps: dimensions, times, outcomes and
 * amounts, never personal data (names, phones, descriptions).
 */
final class EventAttributes {

	/** The attribute naming why an amount was not counted. */
	static final String AMOUNT_REJECTED = "amountRejected";

	private EventAttributes() {
	}

	static Document of(ComplaintEvent event) {
		Document doc = new Document();
		if (event instanceof ComplaintReceived received) {
			doc.append("channel", received.channel().name())
				.append("region", received.location().regionCode())
				.append("tier", received.customer().tier().name());
		}
		else if (event instanceof ComplaintTriaged triaged) {
			doc.append("channel", triaged.channel().name())
				.append("region", triaged.regionCode())
				.append("category", triaged.category().name())
				.append("nature", triaged.nature().name())
				.append("persona", triaged.persona().name())
				.append("playbook", triaged.playbook().name())
				.append("priority", triaged.priority().name())
				.append("churnRisk", triaged.churnRisk().name())
				.append("repeatCount", triaged.repeatCount());
			putIfPresent(doc, "incidentId", triaged.incidentId());
		}
		else if (event instanceof CaseOpened opened) {
			doc.append("caseId", opened.caseId())
				.append("channel", opened.channel().name())
				.append("region", opened.regionCode())
				.append("category", opened.category().name())
				.append("playbook", opened.playbook().name())
				.append("priority", opened.priority().name())
				.append("milestones", opened.milestones().stream().map(EventAttributes::due).toList());
		}
		else if (event instanceof CustomerContacted contacted) {
			doc.append("caseId", contacted.caseId())
				.append("milestonesMet", contacted.milestonesMet().stream().map(Enum::name).toList());
		}
		else if (event instanceof ProgressUpdated progress) {
			doc.append("caseId", progress.caseId());
		}
		else if (event instanceof RemedyOffered offered) {
			doc.append("caseId", offered.caseId())
				.append("options", offered.remedies().size())
				.append("kinds", offered.remedies().stream().map((option) -> option.kind().name()).toList())
				.append("maxCents", maxCents(offered, doc));
		}
		else if (event instanceof RemedyChosen chosen) {
			doc.append("caseId", chosen.caseId())
				.append("kind", chosen.remedy().kind().name())
				.append("cents", cents(chosen.remedy().amount(), doc));
		}
		else if (event instanceof CaseResolved resolved) {
			doc.append("caseId", resolved.caseId()).append("callbackDueAt", Date.from(resolved.callbackDueAt()));
		}
		else if (event instanceof CallbackCompleted callback) {
			doc.append("caseId", callback.caseId())
				.append("satisfaction", callback.satisfaction())
				.append("problemResolved", callback.problemResolved());
		}
		else if (event instanceof CaseEscalated escalated) {
			doc.append("caseId", escalated.caseId()).append("level", escalated.level().name());
			putIfPresent(doc, "milestone", (escalated.milestone() != null) ? escalated.milestone().name() : null);
			putIfPresent(doc, "newDeadline",
					(escalated.newDeadline() != null) ? Date.from(escalated.newDeadline()) : null);
		}
		else if (event instanceof CaseClosed closed) {
			doc.append("caseId", closed.caseId())
				.append("outcome", closed.outcome().name())
				.append("milestones", closed.milestones().stream().map(EventAttributes::actual).toList());
		}
		else if (event instanceof CaseWaitingOnCustomer waiting) {
			doc.append("caseId", waiting.caseId())
				.append("pausedMilestones", waiting.pausedMilestones().stream().map(Enum::name).toList());
		}
		else if (event instanceof CaseResumed resumed) {
			doc.append("caseId", resumed.caseId())
				.append("pausedMs", resumed.pausedFor().toMillis())
				.append("movedMilestones", resumed.movedMilestones().stream().map(EventAttributes::due).toList());
		}
		else if (event instanceof ReminderRaised reminder) {
			doc.append("caseId", reminder.caseId())
				.append("milestone", reminder.milestone().name())
				.append("kind", reminder.kind().name())
				.append("level", reminder.level().name())
				.append("dueAt", Date.from(reminder.dueAt()));
		}
		else if (event instanceof DecisionCorrected correction) {
			doc.append("field", correction.field())
				.append("previousValue", correction.previousValue())
				.append("correctedValue", correction.correctedValue())
				.append("decidedBy", correction.decidedBy())
				.append("playbook", correction.playbook().name())
				.append("role", correction.correctedByRole());
			if (correction.suggestedValue() != null) {
				doc.append("suggestedValue", correction.suggestedValue());
			}
		}
		else if (event instanceof IncidentDetected incident) {
			doc.append("incidentId", incident.incidentId())
				.append("region", incident.regionCode())
				.append("category", incident.category().name())
				.append("memberCount", incident.memberCount())
				.append("revision", incident.revision());
		}
		return doc;
	}

	private static Document due(MilestoneDue due) {
		return new Document("kind", due.kind().name()).append("dueAt", Date.from(due.dueAt()));
	}

	private static Document actual(MilestoneActual actual) {
		return new Document("kind", actual.kind().name()).append("seq", actual.seq())
			.append("elapsedMs", actual.elapsedMs())
			.append("pausedMs", actual.pausedMs())
			.append("met", actual.metAt() != null)
			.append("breached", actual.breached());
	}

	private static long maxCents(RemedyOffered offered, Document doc) {
		long max = 0;
		for (RemedyOption option : offered.remedies()) {
			max = Math.max(max, cents(option.amount(), doc));
		}
		return max;
	}

	/**
	 * An amount in cents; an amount {@link Cents} rejects counts as 0 and the entry keeps
	 * the reason under {@value #AMOUNT_REJECTED}.
	 */
	private static long cents(BigDecimal amount, Document doc) {
		if (amount == null) {
			return 0;
		}
		Cents cents = Cents.of(amount);
		if (cents.rejected() != null) {
			doc.putIfAbsent(AMOUNT_REJECTED, cents.rejected());
		}
		return cents.value();
	}

	private static void putIfPresent(Document doc, String key, Object value) {
		if (value != null) {
			doc.append(key, value);
		}
	}

}
