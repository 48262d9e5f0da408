package com.complaintflow.followup.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.ValueTier;
import com.complaintflow.followup.deadline.Milestone;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as stored: its state, milestones, timeline, the events still to publish (an
 * outbox inside the document, so state and events are written in one atomic write), and
 * the timer fields: the earliest reminder due and the lease of the instance firing it.
 */
@Document("cases")
public class FollowupCase {

	/** The most timeline entries a case keeps (the opening and the newest). */
	public static final int MAX_TIMELINE = 200;

	/** The most applied-action keys a case keeps (its idempotency window). */
	public static final int MAX_APPLIED_ACTIONS = 200;

	@Id
	private String id;

	@Version
	private Long version;

	private CaseKind kind;

	private String complaintId;

	private String customerId;

	private Channel channel;

	private String regionCode;

	private ValueTier customerTier;

	private Category category;

	private Priority priority;

	private Playbook playbook;

	private String queue;

	private String incidentId;

	private String incidentCaseId;

	private List<String> memberCaseIds = new ArrayList<>();

	private List<RemedyOption> triageRemedies = new ArrayList<>();

	private List<RemedyOption> offeredRemedies = new ArrayList<>();

	private RemedyOption chosenRemedy;

	private long callbackWithinMs;

	/**
	 * The complaint's language, what the customer is told in (null before it was kept).
	 */
	private Language language;

	private CaseStatus status;

	private CaseStatus statusBeforeWaiting;

	/** When the case began waiting on the customer; null while it is not waiting. */
	private Instant waitingSince;

	private Instant openedAt;

	private Instant updatedAt;

	private String resolution;

	private Integer satisfaction;

	private Outcome outcome;

	private List<Milestone> milestones = new ArrayList<>();

	private List<TimelineEntry> timeline = new ArrayList<>();

	private List<String> appliedActions = new ArrayList<>();

	/** Timeline entries dropped to keep the timeline within {@link #MAX_TIMELINE}. */
	private long timelineDropped;

	/** Applied-action keys dropped to keep them within {@link #MAX_APPLIED_ACTIONS}. */
	private long appliedActionsDropped;

	private List<String> pendingEvents = new ArrayList<>();

	/**
	 * The W3C traceparent of the complaint's trace when the case was opened: the outbox
	 * and the reminders publish in it, however much later.
	 */
	private String traceParent;

	private Instant nextFireAt;

	private String leaseOwner;

	private Instant leaseUntil;

	FollowupCase() {
	}

	FollowupCase(String id, CaseKind kind, String complaintId, String customerId, Instant openedAt) {
		this.id = id;
		this.kind = kind;
		this.complaintId = complaintId;
		this.customerId = customerId;
		this.openedAt = openedAt;
		this.updatedAt = openedAt;
		this.status = CaseStatus.OPEN;
		this.leaseUntil = Instant.EPOCH;
	}

	/** Recomputes the earliest reminder due over all milestones. */
	public void rescheduleTimer() {
		this.nextFireAt = this.milestones.stream()
			.map(Milestone::getNextReminderAt)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
	}

	public Milestone milestone(String milestoneId) {
		return this.milestones.stream().filter((m) -> m.getId().equals(milestoneId)).findFirst().orElse(null);
	}

	/**
	 * Adds a timeline entry; beyond {@link #MAX_TIMELINE} entries the oldest after the
	 * first (the opening) is dropped and counted, so a case's document stays bounded
	 * however many actions it sees.
	 */
	public void record(Instant at, String action, String actor, String detail) {
		this.timeline.add(new TimelineEntry(at, action, actor, detail));
		while (this.timeline.size() > MAX_TIMELINE) {
			this.timeline.remove(1);
			this.timelineDropped++;
		}
		this.updatedAt = at;
	}

	/**
	 * Remembers an applied action's key for idempotency; only the newest
	 * {@link #MAX_APPLIED_ACTIONS} are kept (the window in which a retry is recognised).
	 */
	public void applied(String actionKey) {
		this.appliedActions.add(actionKey);
		while (this.appliedActions.size() > MAX_APPLIED_ACTIONS) {
			this.appliedActions.remove(0);
			this.appliedActionsDropped++;
		}
	}

	/**
	 * How many actions were applied to this case, including those whose keys were
	 * dropped.
	 */
	public long appliedActionCount() {
		return this.appliedActionsDropped + this.appliedActions.size();
	}

	public long getTimelineDropped() {
		return this.timelineDropped;
	}

	public String getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	void setVersion(Long version) {
		this.version = version;
	}

	public CaseKind getKind() {
		return this.kind;
	}

	public String getComplaintId() {
		return this.complaintId;
	}

	public String getCustomerId() {
		return this.customerId;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public ValueTier getCustomerTier() {
		return this.customerTier;
	}

	public Category getCategory() {
		return this.category;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public Playbook getPlaybook() {
		return this.playbook;
	}

	public String getQueue() {
		return this.queue;
	}

	public String getIncidentId() {
		return this.incidentId;
	}

	public String getIncidentCaseId() {
		return this.incidentCaseId;
	}

	public List<String> getMemberCaseIds() {
		return this.memberCaseIds;
	}

	public List<RemedyOption> getTriageRemedies() {
		return this.triageRemedies;
	}

	public List<RemedyOption> getOfferedRemedies() {
		return this.offeredRemedies;
	}

	public RemedyOption getChosenRemedy() {
		return this.chosenRemedy;
	}

	public long getCallbackWithinMs() {
		return this.callbackWithinMs;
	}

	public Language getLanguage() {
		return this.language;
	}

	void setLanguage(Language language) {
		this.language = language;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public CaseStatus getStatusBeforeWaiting() {
		return this.statusBeforeWaiting;
	}

	public Instant getWaitingSince() {
		return this.waitingSince;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public String getResolution() {
		return this.resolution;
	}

	public Integer getSatisfaction() {
		return this.satisfaction;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * How often the case was escalated, derived from its milestones so that no retry,
	 * conflict or lease takeover can count one twice: every escalation rung a milestone's
	 * ladder has passed, plus every escalated resolution opened after a callback.
	 */
	public int getEscalations() {
		int escalations = 0;
		for (Milestone milestone : this.milestones) {
			escalations += milestone.escalationRungsPassed();
			if (milestone.getKind() == MilestoneKind.ESCALATED_RESOLUTION) {
				escalations++;
			}
		}
		return escalations;
	}

	public List<Milestone> getMilestones() {
		return this.milestones;
	}

	public List<TimelineEntry> getTimeline() {
		return this.timeline;
	}

	public List<String> getAppliedActions() {
		return this.appliedActions;
	}

	public List<String> getPendingEvents() {
		return this.pendingEvents;
	}

	public String getTraceParent() {
		return this.traceParent;
	}

	void setTraceParent(String traceParent) {
		this.traceParent = traceParent;
	}

	public Instant getNextFireAt() {
		return this.nextFireAt;
	}

	public String getLeaseOwner() {
		return this.leaseOwner;
	}

	public Instant getLeaseUntil() {
		return this.leaseUntil;
	}

	void setTriage(Channel channel, String regionCode, ValueTier customerTier, Category category, Priority priority,
			Playbook playbook, String queue, String incidentId, List<RemedyOption> remedies, long callbackWithinMs) {
		this.channel = channel;
		this.regionCode = regionCode;
		this.customerTier = customerTier;
		this.category = category;
		this.priority = priority;
		this.playbook = playbook;
		this.queue = queue;
		this.incidentId = incidentId;
		this.triageRemedies = new ArrayList<>(remedies);
		this.callbackWithinMs = callbackWithinMs;
	}

	void setIncidentCaseId(String incidentCaseId) {
		this.incidentCaseId = incidentCaseId;
	}

	void setOfferedRemedies(List<RemedyOption> offeredRemedies) {
		this.offeredRemedies = new ArrayList<>(offeredRemedies);
	}

	void setChosenRemedy(RemedyOption chosenRemedy) {
		this.chosenRemedy = chosenRemedy;
	}

	void setStatus(CaseStatus status) {
		this.status = status;
	}

	/** Puts the case on hold until the customer answers, remembering where it was. */
	void startWaiting(Instant now) {
		this.statusBeforeWaiting = this.status;
		this.status = CaseStatus.WAITING_ON_CUSTOMER;
		this.waitingSince = now;
	}

	/**
	 * Takes the case off hold, back to the status it had, and returns how long it waited
	 * (zero for a case stored before the wait start was recorded).
	 */
	Duration stopWaiting(Instant now) {
		this.status = (this.statusBeforeWaiting != null) ? this.statusBeforeWaiting : CaseStatus.IN_PROGRESS;
		this.statusBeforeWaiting = null;
		Duration waited = (this.waitingSince != null && now.isAfter(this.waitingSince))
				? Duration.between(this.waitingSince, now) : Duration.ZERO;
		this.waitingSince = null;
		return waited;
	}

	void setResolution(String resolution) {
		this.resolution = resolution;
	}

	void setSatisfaction(Integer satisfaction) {
		this.satisfaction = satisfaction;
	}

	void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	public void releaseLease() {
		this.leaseOwner = null;
		this.leaseUntil = Instant.EPOCH;
	}

}
