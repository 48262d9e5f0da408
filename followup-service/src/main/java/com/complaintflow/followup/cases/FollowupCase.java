package com.complaintflow.followup.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.ValueTier;
import com.complaintflow.followup.deadline.Milestone;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as stored, and the aggregate every change goes through: its status transitions
 * and their guards ({@link CaseAction}), ownership, notes and checklist, milestones,
 * timeline, the events still to publish (an outbox inside the document, so state and
 * events are written in one atomic write), and the timer fields: the earliest reminder
 * due and the lease of the instance firing it. Personal data lives only in
 * {@code personal}, {@code notes} and {@code triage.signals}.
 */
@Document("cases")
public class FollowupCase {

	/** The most timeline entries a case keeps (the opening and the newest). */
	public static final int MAX_TIMELINE = 200;

	/** The most applied-action keys a case keeps (its idempotency window). */
	public static final int MAX_APPLIED_ACTIONS = 200;

	/** The most notes a case takes. */
	public static final int MAX_NOTES = 100;

	/**
	 * The sort key of a case without an open deadline: after every case with one.
	 */
	static final Instant NO_DEADLINE = Instant.parse("9999-12-31T23:59:59Z");

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

	/** The owning team: its queue. */
	private String queue;

	/** The owning agent; null while the case waits in its team's queue. */
	private String assignee;

	/** The escalation level of the team that has the case; null for an agents' team. */
	private EscalationLevel escalatedTo;

	/** Since when the current owner (team and agent) has the case. */
	private Instant ownedSince;

	private TriageFacts triage;

	/** Contact, the customer's words and their search terms: the personal data. */
	private CasePersonal personal;

	private List<ChecklistStep> checklist = new ArrayList<>();

	private List<CaseNote> notes = new ArrayList<>();

	/** The earliest deadline of an open or paused milestone; null when none. */
	private Instant nextDueAt;

	private MilestoneKind nextDueMilestone;

	/** {@link #nextDueAt}, or {@link #NO_DEADLINE}: what the queue sorts by. */
	private Instant sortDue;

	private String incidentId;

	private String incidentCaseId;

	private List<String> memberCaseIds = new ArrayList<>();

	private List<RemedyOption> triageRemedies = new ArrayList<>();

	private List<RemedyOption> offeredRemedies = new ArrayList<>();

	private RemedyOption chosenRemedy;

	/** How many times options were offered: the number of the offer in force. */
	private int offers;

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

	/**
	 * Whether the latest resolution came from the outage's incident case; null in a case
	 * resolved before this was recorded.
	 */
	private Boolean resolvedWithIncident;

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

	/**
	 * Timeline entries recorded since the case was read or last written: what a targeted
	 * write appends ({@link CaseStore#saveFired}).
	 */
	@Transient
	private final List<TimelineEntry> recorded = new ArrayList<>();

	/**
	 * Whether entries were dropped from the timeline since it was read or last written: a
	 * targeted write then sets the whole timeline instead of appending.
	 */
	@Transient
	private boolean timelineTrimmed;

	/**
	 * Whether this copy was read without some of its fields
	 * ({@link CaseStore#findState}): it is only to be read, never saved.
	 */
	@Transient
	private boolean partial;

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
		this.ownedSince = openedAt;
		this.sortDue = NO_DEADLINE;
	}

	/**
	 * Recomputes the earliest reminder due over all milestones, and the earliest open
	 * deadline the queue is ordered by.
	 */
	public void rescheduleTimer() {
		this.nextFireAt = this.milestones.stream()
			.map(Milestone::getNextReminderAt)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
		Milestone next = this.milestones.stream()
			.filter(Milestone::isActive)
			.filter((m) -> m.getDueAt() != null)
			.min(Comparator.comparing(Milestone::getDueAt))
			.orElse(null);
		this.nextDueAt = (next != null) ? next.getDueAt() : null;
		this.nextDueMilestone = (next != null) ? next.getKind() : null;
		this.sortDue = (next != null) ? next.getDueAt() : NO_DEADLINE;
	}

	/**
	 * Checks that the case's status allows the action.
	 * @throws ActionNotAllowedException when it does not
	 */
	void guard(CaseAction action) {
		if (this.kind == CaseKind.INCIDENT && !action.onIncidents()) {
			throw new ActionNotAllowedException(action, this.status,
					"an incident case speaks to no customer: act on its members' cases", null);
		}
		if (!action.allowedIn().contains(this.status) && !resolvesMembersAgain(action)) {
			throw new ActionNotAllowedException(action, this.status);
		}
	}

	/**
	 * A resolved incident case takes its resolution again: it resolves those of its
	 * members still open (one that was busy when the incident was resolved).
	 */
	boolean resolvesMembersAgain(CaseAction action) {
		return this.kind == CaseKind.INCIDENT && action == CaseAction.RESOLVE && this.status == CaseStatus.RESOLVED;
	}

	/** Takes triage's decision: classification, owner team, checklist, explanation. */
	void triaged(ComplaintTriaged triaged) {
		this.channel = triaged.channel();
		this.regionCode = triaged.regionCode();
		this.customerTier = triaged.customerTier();
		this.category = triaged.category();
		this.priority = triaged.priority();
		this.playbook = triaged.playbook();
		this.queue = triaged.queue();
		this.incidentId = triaged.incidentId();
		this.triageRemedies = new ArrayList<>(triaged.remedies());
		this.callbackWithinMs = triaged.deadlines().callbackWithin().toMillis();
		this.language = triaged.language();
		this.triage = TriageFacts.of(triaged);
		this.checklist = new ArrayList<>(
				triaged.playbookSteps().stream().map((step) -> new ChecklistStep(step, false, null, null)).toList());
	}

	/** Describes the outage an incident case groups; its queue is {@code incidents}. */
	void incident(IncidentDetected incident) {
		this.regionCode = incident.regionCode();
		this.category = incident.category();
		this.priority = Priority.P1;
		this.queue = "incidents";
		this.incidentId = incident.incidentId();
	}

	/** The customer made contact: an open case is now in progress. */
	void contacted() {
		if (this.status == CaseStatus.OPEN) {
			this.status = CaseStatus.IN_PROGRESS;
		}
	}

	/** Records the options offered to the customer; any earlier choice is void. */
	void offer(List<RemedyOption> options) {
		this.offeredRemedies = new ArrayList<>(options);
		this.chosenRemedy = null;
		this.offers++;
	}

	/**
	 * What compensates an outage member: the remedy the customer chose, else the largest
	 * valued option triage proposed (a notification is no compensation); null when there
	 * is none.
	 */
	public RemedyOption outageCompensation() {
		if (this.chosenRemedy != null && this.chosenRemedy.kind() != RemedyKind.MASS_NOTIFICATION) {
			return this.chosenRemedy;
		}
		return this.triageRemedies.stream()
			.filter((option) -> option.kind() != RemedyKind.MASS_NOTIFICATION && option.amount() != null)
			.max(Comparator.comparing(RemedyOption::amount))
			.orElse(null);
	}

	/**
	 * Grants the outage's compensation when the incident is resolved: it becomes the
	 * case's chosen remedy (the outage notice promises it to the customer).
	 * @return the remedy granted, or null when one was chosen already or there is none
	 */
	RemedyOption grantOutageCompensation() {
		RemedyOption compensation = outageCompensation();
		if (compensation == null || compensation.equals(this.chosenRemedy)) {
			return null;
		}
		this.chosenRemedy = compensation;
		return compensation;
	}

	/**
	 * Records the customer's choice among the offered options (0-based).
	 * @param offer the offer the choice was made from (its number), or null for the one
	 * in force
	 * @throws ActionNotAllowedException when nothing was offered, or the options were
	 * offered again since the offer named
	 * @throws InvalidActionException when there is no such option
	 */
	RemedyOption choose(int option, Integer offer) {
		if (this.offeredRemedies.isEmpty()) {
			throw new ActionNotAllowedException(CaseAction.CHOOSE_REMEDY, this.status, "no remedy has been offered yet",
					null);
		}
		if (offer != null && offer != this.offers) {
			throw new ActionNotAllowedException(CaseAction.CHOOSE_REMEDY, this.status,
					"the choice names offer " + offer + ", but the options were offered again since (offer "
							+ this.offers + "): read the case and choose again",
					null);
		}
		if (option < 0 || option >= this.offeredRemedies.size()) {
			throw new InvalidActionException("option must be between 0 and " + (this.offeredRemedies.size() - 1));
		}
		this.chosenRemedy = this.offeredRemedies.get(option);
		return this.chosenRemedy;
	}

	/**
	 * The problem is fixed; the callback is next.
	 * @param withIncident whether the outage's incident case was resolved (else staff
	 * resolved this case on its own)
	 */
	void resolve(String resolution, boolean withIncident) {
		this.status = CaseStatus.RESOLVED;
		this.resolution = resolution;
		this.resolvedWithIncident = withIncident;
	}

	/**
	 * Records the callback's satisfaction; a satisfied customer with the problem gone
	 * lets the case close, otherwise it is escalated.
	 * @return whether the callback was satisfied
	 */
	boolean calledBack(int satisfaction, boolean problemResolved) {
		this.satisfaction = satisfaction;
		boolean satisfied = problemResolved && satisfaction >= 3;
		this.status = satisfied ? CaseStatus.CALLBACK_DONE : CaseStatus.ESCALATED;
		return satisfied;
	}

	/** Closes the case with its retention outcome. */
	void close(Outcome outcome) {
		this.status = CaseStatus.CLOSED;
		this.outcome = outcome;
	}

	/**
	 * The caller takes the case from its team's queue.
	 * @return false when the caller owned it already
	 * @throws ActionNotAllowedException when another agent owns it, or an agent claims a
	 * case escalated to the supervisors
	 */
	boolean claim(CaseActions.Actor actor, Instant now) {
		String staffId = actor.staffId();
		if (staffId.equals(this.assignee)) {
			return false;
		}
		requireSupervisorWhenEscalatedToThem(CaseAction.CLAIM, actor);
		if (this.assignee != null) {
			throw new ActionNotAllowedException(CaseAction.CLAIM, this.status,
					"it is owned by " + this.assignee + "; ask for a transfer", this.assignee);
		}
		own(this.queue, staffId, now);
		record(now, "OWNER_CLAIMED", staffId, "Claimed from team " + this.queue);
		return true;
	}

	/**
	 * The owning agent (or a supervisor) puts the case back into its team's queue.
	 * @return false when no agent owned it
	 */
	boolean release(CaseActions.Actor actor, Instant now) {
		if (this.assignee == null) {
			return false;
		}
		requireOwner(CaseAction.RELEASE, actor);
		String previous = this.assignee;
		own(this.queue, null, now);
		record(now, "OWNER_RELEASED", actor.staffId(), previous + " released it to team " + this.queue);
		return true;
	}

	/** A supervisor sets the owner; a team alone leaves the case in that team's queue. */
	void assign(String team, String agent, CaseActions.Actor actor, Instant now, OwnershipSettings ownership) {
		handOver((team != null) ? team : this.queue, agent, now, ownership);
		record(now, "OWNER_ASSIGNED", actor.staffId(), "Assigned to " + ownerText());
	}

	/**
	 * Hands the case to another agent or team.
	 * @throws ActionNotAllowedException when another agent owns it, or the case is
	 * escalated to the supervisors, and the caller is not a supervisor
	 */
	void transfer(String team, String agent, String reason, CaseActions.Actor actor, Instant now,
			OwnershipSettings ownership) {
		requireOwner(CaseAction.TRANSFER, actor);
		requireSupervisorWhenEscalatedToThem(CaseAction.TRANSFER, actor);
		handOver((team != null) ? team : this.queue, agent, now, ownership);
		record(now, "OWNER_TRANSFERRED", actor.staffId(), "Transferred to " + ownerText() + ": " + reason);
	}

	/**
	 * Staff move the case: its escalation level is now that of the team they gave it to,
	 * so a case handed back from the experts to an agent's team is moved again by the
	 * next escalation (an unsatisfied callback, a missed milestone's rung).
	 */
	private void handOver(String team, String agent, Instant now, OwnershipSettings ownership) {
		own(team, agent, now);
		this.escalatedTo = ownership.levelOf(team);
	}

	/**
	 * An escalation moves the case to the team of its level, with no agent; only ever up
	 * (a supervisor rung while the expert team has it changes nothing).
	 * @return whether the case moved
	 */
	public boolean escalateTo(EscalationLevel level, String team, Instant now, String why) {
		if (this.escalatedTo != null && this.escalatedTo.compareTo(level) >= 0) {
			return false;
		}
		this.escalatedTo = level;
		own(team, null, now);
		record(now, "OWNER_ESCALATED", "system", "Moved to team " + team + ": " + why);
		// the case changed hands: a request without a key that repeats the last action
		// (claim, assign) is a new one now, not a retry
		applied("escalated:" + level + ":" + now.toEpochMilli());
		return true;
	}

	/**
	 * Adds a staff note.
	 * @throws ActionNotAllowedException when the case has {@link #MAX_NOTES} notes
	 */
	void addNote(CaseNote note) {
		if (this.notes.size() >= MAX_NOTES) {
			throw new ActionNotAllowedException(CaseAction.NOTE, this.status, "it has " + MAX_NOTES + " notes already",
					null);
		}
		this.notes.add(note);
		record(note.at(), "NOTE_ADDED", note.author(), "Note added");
	}

	/**
	 * Ticks or unticks a checklist step, recording who and when.
	 * @return false when the step was in that state already
	 * @throws CaseNotFoundException when the case has no such step
	 */
	boolean tick(int index, boolean done, String staffId, Instant now) {
		if (index < 0 || index >= this.checklist.size()) {
			throw new CaseNotFoundException(
					"Case " + this.id + " has no checklist step " + index + " (it has " + this.checklist.size() + ")");
		}
		ChecklistStep step = this.checklist.get(index);
		if (step.done() == done) {
			return false;
		}
		this.checklist.set(index, step.tick(done, staffId, now));
		record(now, done ? "STEP_DONE" : "STEP_UNDONE", staffId, "Step " + (index + 1) + ": " + step.step());
		return true;
	}

	private void requireOwner(CaseAction action, CaseActions.Actor actor) {
		if (this.assignee != null && !this.assignee.equals(actor.staffId()) && !actor.supervisor()) {
			throw new ActionNotAllowedException(action, this.status,
					"it is owned by " + this.assignee + "; only they or a supervisor may", this.assignee);
		}
	}

	/**
	 * A case the supervisor rung moved to the supervisors' queue waits for a supervisor:
	 * an agent who took it or moved it on would take it out of their sight.
	 */
	private void requireSupervisorWhenEscalatedToThem(CaseAction action, CaseActions.Actor actor) {
		if (this.escalatedTo == EscalationLevel.SUPERVISOR && !actor.supervisor()) {
			throw new ActionNotAllowedException(action, this.status,
					"it is escalated to the supervisors; only a supervisor may take it or move it", this.assignee);
		}
	}

	private void own(String team, String agent, Instant now) {
		this.queue = team;
		this.assignee = agent;
		this.ownedSince = now;
	}

	private String ownerText() {
		return "team " + this.queue + ((this.assignee != null) ? ", agent " + this.assignee : "");
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
		TimelineEntry entry = new TimelineEntry(at, action, actor, detail);
		this.timeline.add(entry);
		this.recorded.add(entry);
		while (this.timeline.size() > MAX_TIMELINE) {
			this.timeline.remove(1);
			this.timelineDropped++;
			this.timelineTrimmed = true;
		}
		this.updatedAt = at;
	}

	/** The timeline entries recorded since the case was read or last written. */
	List<TimelineEntry> recordedSinceWrite() {
		return this.recorded;
	}

	/** Whether timeline entries were dropped since the case was read or last written. */
	boolean timelineTrimmedSinceWrite() {
		return this.timelineTrimmed;
	}

	/** This copy lacks fields: it must not be saved. */
	void readInPart() {
		this.partial = true;
	}

	boolean isPartial() {
		return this.partial;
	}

	/** The case was written: nothing is recorded since. */
	void written() {
		this.recorded.clear();
		this.timelineTrimmed = false;
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

	public long getAppliedActionsDropped() {
		return this.appliedActionsDropped;
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

	public String getAssignee() {
		return this.assignee;
	}

	public EscalationLevel getEscalatedTo() {
		return this.escalatedTo;
	}

	public Instant getOwnedSince() {
		return this.ownedSince;
	}

	public TriageFacts getTriage() {
		return this.triage;
	}

	/** The personal data; null until the complaint's words arrived, or after erasure. */
	public CasePersonal getPersonal() {
		return this.personal;
	}

	public List<ChecklistStep> getChecklist() {
		return this.checklist;
	}

	public List<CaseNote> getNotes() {
		return this.notes;
	}

	public Instant getNextDueAt() {
		return this.nextDueAt;
	}

	public MilestoneKind getNextDueMilestone() {
		return this.nextDueMilestone;
	}

	public Instant getSortDue() {
		return this.sortDue;
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

	public int getOffers() {
		return this.offers;
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

	/**
	 * Whether the case's latest resolution came with its outage's incident case; for a
	 * case resolved before that was recorded, whether it was never reopened at a callback
	 * (the rule of then).
	 */
	public boolean wasResolvedWithIncident() {
		if (this.resolvedWithIncident != null) {
			return this.resolvedWithIncident;
		}
		return this.incidentId != null
				&& this.milestones.stream().noneMatch((m) -> m.getKind() == MilestoneKind.ESCALATED_RESOLUTION);
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

	void setIncidentCaseId(String incidentCaseId) {
		this.incidentCaseId = incidentCaseId;
	}

	/**
	 * Makes a case decided before its outage was detected a member of it (the outage's
	 * notice and compensation); false when it already belongs to an incident.
	 */
	boolean joinIncident(String incidentId, String incidentCaseId, Instant now) {
		if (this.kind == CaseKind.INCIDENT || this.incidentCaseId != null) {
			return false;
		}
		this.incidentId = incidentId;
		this.incidentCaseId = incidentCaseId;
		record(now, "JOINED_INCIDENT", "system", "Part of the outage " + incidentId);
		return true;
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

	public void releaseLease() {
		this.leaseOwner = null;
		this.leaseUntil = Instant.EPOCH;
	}

}
