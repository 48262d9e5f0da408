package com.complaintflow.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Customer;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.MilestoneActual;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.RemedyChosen;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOffered;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.events.ValueTier;

/**
 * Builds the events of one complaint's life, as the other services would publish them,
 * with deterministic ids so a test can publish the same event twice.
 */
public final class TestEvents {

	private final String complaintId;

	private final String customerId;

	private final Instant start;

	private final Channel channel;

	private final Category category;

	private final String region;

	private final Playbook playbook;

	public TestEvents(String complaintId, Instant start, Channel channel, Category category, String region,
			Playbook playbook) {
		this.complaintId = complaintId;
		this.customerId = "cust-" + complaintId;
		this.start = start;
		this.channel = channel;
		this.category = category;
		this.region = region;
		this.playbook = playbook;
	}

	public String complaintId() {
		return this.complaintId;
	}

	private java.util.UUID id(String what) {
		return EventMetadata.deterministicEventId(this.complaintId, what);
	}

	private Instant at(Duration offset) {
		return this.start.plus(offset);
	}

	public ComplaintReceived received() {
		return new ComplaintReceived(id("received"), "intake", this.start, this.complaintId, this.customerId, 1,
				this.channel, new Customer(this.customerId, "Test Person", "+860000", ValueTier.GOLD),
				this.start.minusSeconds(600), new Location(this.region, "somewhere"), "broadband drops", null, null,
				"Fiber 500", null, EmotionCues.NONE, Language.EN);
	}

	public ComplaintTriaged triaged(Nature nature, int repeatCount) {
		return new ComplaintTriaged(id("triaged"), "triage", at(Duration.ofSeconds(5)), this.complaintId,
				this.customerId, 1, this.channel, this.region, ValueTier.GOLD, this.category, nature, Persona.VENTING,
				Emotion.ANGER, RootCauseLayer.OPERATOR_SIDE, ChurnRisk.LOW, this.playbook, List.of("listen"),
				Priority.P2, List.of(new RemedyOption(RemedyKind.DATA_BONUS, "bonus", null)), false,
				new Deadlines(at(Duration.ofHours(24)), null, null, null, Duration.ofHours(24)), "queue-1", null,
				repeatCount, new Explanation("v1", List.of(), Map.of()), Language.EN, null);
	}

	/**
	 * A staff correction of one field of the decision, a given time after receipt; the
	 * same arguments give the same event.
	 */
	public DecisionCorrected corrected(String field, String value, String decidedBy, Duration after) {
		return corrected(field, value, decidedBy, after, null);
	}

	/**
	 * A staff correction of one field at a check the console suggested a value for (null:
	 * none).
	 */
	public DecisionCorrected corrected(String field, String value, String decidedBy, Duration after, String suggested) {
		return new DecisionCorrected(id("corrected-" + field + "-" + after), "triage", at(after), this.complaintId,
				this.customerId, 1, "corr-" + this.complaintId + "-" + field + "-" + after.toSeconds(), field,
				"PREVIOUS", value, decidedBy, this.playbook, "AGENT", suggested);
	}

	public CaseOpened opened() {
		return new CaseOpened(id("opened"), "followup", at(Duration.ofSeconds(10)), this.complaintId, this.customerId,
				1, "case-" + this.complaintId, this.channel, this.region, this.category, Priority.P2, this.playbook,
				"queue-1", null, List.of(new MilestoneDue(MilestoneKind.FIRST_RESPONSE, at(Duration.ofHours(24))),
						new MilestoneDue(MilestoneKind.PROMISED_ANSWER, at(Duration.ofHours(2)))));
	}

	public CustomerContacted contacted(Duration after) {
		return new CustomerContacted(id("contacted"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1", List.of(MilestoneKind.FIRST_RESPONSE));
	}

	public ReminderRaised breach(MilestoneKind milestone, Duration after) {
		return new ReminderRaised(id("breach-" + milestone), "followup", at(after), this.complaintId, this.customerId,
				1, "case-" + this.complaintId, milestone, ReminderKind.BREACH, EscalationLevel.AGENT, at(after),
				"queue-1", Priority.P2);
	}

	public CaseEscalated escalated(Duration after) {
		return new CaseEscalated(id("escalated"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, EscalationLevel.EXPERT_TEAM, "unresolved at callback", null,
				at(after.plusHours(20)));
	}

	public RemedyOffered offered(Duration after, String amount) {
		return new RemedyOffered(id("offered"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1",
				List.of(new RemedyOption(RemedyKind.BILL_CREDIT, "credit", new BigDecimal(amount)),
						new RemedyOption(RemedyKind.DATA_BONUS, "data", null)),
				false);
	}

	public RemedyChosen chosen(Duration after, String amount) {
		return new RemedyChosen(id("chosen"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1",
				new RemedyOption(RemedyKind.BILL_CREDIT, "credit", new BigDecimal(amount)));
	}

	public CaseResolved resolved(Duration after) {
		return new CaseResolved(id("resolved"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1", "fixed", at(after.plusHours(24)));
	}

	public CallbackCompleted callback(Duration after, int satisfaction) {
		return new CallbackCompleted(id("callback"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1", satisfaction, true);
	}

	public CaseClosed closed(Duration after, Outcome outcome) {
		return new CaseClosed(id("closed"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1", outcome);
	}

	public CaseClosed closed(Duration after, Outcome outcome, List<MilestoneActual> actuals) {
		return new CaseClosed(id("closed"), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1", outcome, actuals);
	}

	public CaseWaitingOnCustomer waiting(Duration after) {
		return new CaseWaitingOnCustomer(id("waiting-" + after), "followup", at(after), this.complaintId,
				this.customerId, 1, "case-" + this.complaintId, "agent-1", "router serial", at(after),
				List.of(MilestoneKind.FIRST_RESPONSE, MilestoneKind.PROMISED_ANSWER));
	}

	/**
	 * The end of a pause that began at {@code pausedAt}, moving the given milestones'
	 * deadlines.
	 */
	public CaseResumed resumed(Duration pausedAt, Duration after, MilestoneDue... moved) {
		return new CaseResumed(id("resumed-" + after), "followup", at(after), this.complaintId, this.customerId, 1,
				"case-" + this.complaintId, "agent-1", at(after), after.minus(pausedAt), List.of(moved));
	}

	/**
	 * A revision of an outage this complaint was the first member of, announced a given
	 * time after receipt, with the event id triage gives it (one per incident and
	 * revision).
	 */
	public IncidentDetected incident(String incidentId, int revision, Duration after) {
		return new IncidentDetected(EventMetadata.deterministicEventId("incident-detected", incidentId, revision),
				"triage", at(after), this.complaintId, this.customerId, 1, incidentId, this.region, this.category,
				List.of(this.complaintId), 4 + revision, revision, this.start, at(after));
	}

	/** A due instant this long after {@code start}. */
	public MilestoneDue due(MilestoneKind kind, Duration after) {
		return new MilestoneDue(kind, at(after));
	}

	/** A full, happy life: received to closed, all within the hour of {@code start}. */
	public List<ComplaintEvent> happyLife(Outcome outcome, int satisfaction) {
		return List.of(received(), triaged(Nature.VALID, 0), opened(), contacted(Duration.ofMinutes(10)),
				offered(Duration.ofMinutes(15), "30.00"), chosen(Duration.ofMinutes(20), "30.00"),
				resolved(Duration.ofMinutes(40)), callback(Duration.ofMinutes(50), satisfaction),
				closed(Duration.ofMinutes(55), outcome, List.of(metOnTime(MilestoneKind.FIRST_RESPONSE, 10),
						metOnTime(MilestoneKind.PROMISED_ANSWER, 40), metOnTime(MilestoneKind.CALLBACK, 50))));
	}

	/** A milestone kept: met after the minutes given, well before its deadline. */
	public MilestoneActual metOnTime(MilestoneKind kind, int minutes) {
		return new MilestoneActual(kind, 1, at(Duration.ofHours(4)), Duration.ofMinutes(minutes).toMillis(), 0,
				at(Duration.ofMinutes(minutes)), null);
	}

	/** A milestone broken: its deadline passed after the minutes given, never met. */
	public MilestoneActual breachedUnmet(MilestoneKind kind, int minutes) {
		return new MilestoneActual(kind, 1, at(Duration.ofMinutes(minutes)), Duration.ofMinutes(minutes).toMillis(), 0,
				null, at(Duration.ofMinutes(minutes)));
	}

}
