package com.complaintflow.followup.notification;

import java.util.Comparator;
import java.util.Optional;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.deadline.Milestone;

import org.springframework.stereotype.Component;

/**
 * Decides what the customer must be told about a case event, in the complaint's language:
 * accepted with the promised times (case opened), who handles it (first contact),
 * progress, resolution with the callback time, and the callback's outcome. A member of an
 * outage incident is told once, when its case is resolved, that the outage is over and
 * what compensates it. Each notice's id follows from the event (or, for the incident
 * notice, from the incident and the customer), so repeats are sent once.
 */
@Component
class CaseNotices {

	private final NoticeTexts texts;

	private final NotificationSettings settings;

	CaseNotices(NoticeTexts texts, NotificationSettings settings) {
		this.texts = texts;
		this.settings = settings;
	}

	/** The notice an event of {@code followupCase} calls for, if any. */
	Optional<NotificationRequested> noticeFor(ComplaintEvent event, FollowupCase followupCase) {
		Language language = (followupCase.getLanguage() != null) ? followupCase.getLanguage() : Language.ZH;
		String ref = event.complaintId();
		if (event instanceof CaseOpened opened) {
			return notice(event, followupCase, language, NotificationKind.ACCEPTED, accepted(language, ref, opened));
		}
		if (event instanceof CustomerContacted contacted && !contacted.milestonesMet().isEmpty()) {
			return notice(event, followupCase, language, NotificationKind.ENGINEER_CONTACT,
					this.texts.text(language, "engineer", ref, contacted.staffId(), this.settings.hotline()));
		}
		if (event instanceof ProgressUpdated progress) {
			String text = this.texts.text(language, "progress", ref, orEmpty(progress.message()));
			if (progress.nextUpdateDueAt() != null) {
				text += this.texts.text(language, "progress.next", this.texts.time(progress.nextUpdateDueAt()));
			}
			return notice(event, followupCase, language, NotificationKind.PROGRESS, text);
		}
		if (event instanceof CaseResolved resolved) {
			// the outage notice only when the outage ended: a member case staff resolved
			// on its own (a modem replaced while the outage lasts) gets its own
			// resolution
			if (followupCase.getIncidentId() != null && followupCase.wasResolvedWithIncident()) {
				return Optional.of(incidentNotice(resolved, followupCase, language));
			}
			return notice(event, followupCase, language, NotificationKind.RESOLVED, this.texts.text(language,
					"resolved", ref, orEmpty(resolved.resolution()), this.texts.time(resolved.callbackDueAt())));
		}
		if (event instanceof CallbackCompleted callback) {
			Milestone escalated = latest(followupCase, MilestoneKind.ESCALATED_RESOLUTION);
			boolean done = callback.problemResolved() && callback.satisfaction() >= 3;
			String text = (done || escalated == null) ? this.texts.text(language, "callback.done", ref)
					: this.texts.text(language, "callback.escalated", ref, this.texts.time(escalated.getDueAt()));
			return notice(event, followupCase, language, NotificationKind.CALLBACK, text);
		}
		return Optional.empty();
	}

	private String accepted(Language language, String ref, CaseOpened opened) {
		StringBuilder text = new StringBuilder(
				this.texts.text(language, "accepted", ref, due(opened, MilestoneKind.FIRST_RESPONSE)));
		String engineer = due(opened, MilestoneKind.ENGINEER_CONTACT);
		if (engineer != null) {
			text.append(this.texts.text(language, "accepted.engineer", engineer));
		}
		String answer = due(opened, MilestoneKind.PROMISED_ANSWER);
		if (answer != null) {
			text.append(this.texts.text(language, "accepted.answer", answer));
		}
		return text.toString();
	}

	private String due(CaseOpened opened, MilestoneKind kind) {
		return opened.milestones()
			.stream()
			.filter((milestone) -> milestone.kind() == kind && milestone.dueAt() != null)
			.map(MilestoneDue::dueAt)
			.findFirst()
			.map(this.texts::time)
			.orElse(null);
	}

	/**
	 * The outage notice of a member: one per incident and customer (a customer with two
	 * complaints in one outage is told once), with the compensation the case offers.
	 */
	private NotificationRequested incidentNotice(CaseResolved resolved, FollowupCase c, Language language) {
		RemedyOption compensation = c.outageCompensation();
		String region = c.getRegionCode();
		String resolution = orEmpty(resolved.resolution());
		String text = (compensation != null)
				? this.texts.text(language, "incident", resolved.complaintId(), region, resolution,
						this.texts.compensation(language, compensation))
				: this.texts.text(language, "incident.apology", resolved.complaintId(), region, resolution);
		return new NotificationRequested(
				EventMetadata.deterministicEventId("notice", "incident", c.getIncidentId(), c.getCustomerId()),
				CaseOpening.SOURCE, resolved.occurredAt(), resolved.complaintId(), resolved.customerId(),
				ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), NotificationKind.INCIDENT, language, text,
				c.getIncidentId());
	}

	private static Milestone latest(FollowupCase c, MilestoneKind kind) {
		return c.getMilestones()
			.stream()
			.filter((m) -> m.getKind() == kind)
			.max(Comparator.comparingInt(Milestone::getSeq))
			.orElse(null);
	}

	private static Optional<NotificationRequested> notice(ComplaintEvent event, FollowupCase c, Language language,
			NotificationKind kind, String text) {
		return Optional.of(new NotificationRequested(EventMetadata.deterministicEventId("notice", event.eventId()),
				CaseOpening.SOURCE, event.occurredAt(), event.complaintId(), event.customerId(),
				ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), kind, language, text, c.getIncidentId()));
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
