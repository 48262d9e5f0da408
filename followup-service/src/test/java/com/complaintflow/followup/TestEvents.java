package com.complaintflow.followup;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Customer;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.ExpectedRemedy;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.events.ValueTier;

/**
 * Triage decisions for tests.
 */
public final class TestEvents {

	private TestEvents() {
	}

	/** A network-fault decision with a 24 h first response and no other deadline. */
	public static ComplaintTriaged triaged(String complaintId, Instant at) {
		return triaged(complaintId, at,
				new Deadlines(at.plus(Duration.ofHours(24)), null, null, null, Duration.ofHours(24)), null);
	}

	/**
	 * A received complaint in the customer's words, from the customer
	 * {@code "C-" + complaintId} (the one {@link #triaged} decides about).
	 */
	public static ComplaintReceived received(String complaintId, Instant at, String description, String name,
			String phone) {
		return new ComplaintReceived(EventMetadata.deterministicEventId("received", complaintId), "intake", at,
				complaintId, "C-" + complaintId, ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.HOTLINE,
				new Customer("C-" + complaintId, name, phone, ValueTier.GOLD), at.minus(Duration.ofHours(2)),
				new Location("BJ-CY", "Chaoyang, Building 7"), description, "your network is bad",
				new ExpectedRemedy(ExpectedRemedyKind.FIX, null, at.plus(Duration.ofHours(2))), "broadband-200M", null,
				new EmotionCues(true, false, false, false), Language.ZH);
	}

	/** An outage grouping the given complaints. */
	public static IncidentDetected incident(String incidentId, Instant at, List<String> memberComplaintIds) {
		return new IncidentDetected(EventMetadata.deterministicEventId("incident", incidentId, memberComplaintIds),
				"triage", at, memberComplaintIds.get(0), "C-" + memberComplaintIds.get(0),
				ComplaintEvent.CURRENT_SCHEMA_VERSION, incidentId, "BJ-CY", Category.NETWORK, memberComplaintIds,
				memberComplaintIds.size(), memberComplaintIds.size(), at, at);
	}

	public static ComplaintTriaged triaged(String complaintId, Instant at, Deadlines deadlines, String incidentId) {
		return triaged(complaintId, at, deadlines, incidentId,
				List.of(new RemedyOption(RemedyKind.DATA_BONUS, "10 GB bonus data", new BigDecimal("30")),
						new RemedyOption(RemedyKind.BILL_CREDIT, "Credit of 100", new BigDecimal("100"))));
	}

	/** A decision for a GOLD customer with the given remedy options. */
	public static ComplaintTriaged triaged(String complaintId, Instant at, Deadlines deadlines, String incidentId,
			List<RemedyOption> remedies) {
		return triaged(complaintId, at, at, deadlines, incidentId, remedies);
	}

	/** A decision made some time after intake received the complaint. */
	public static ComplaintTriaged decidedLate(String complaintId, Instant receivedAt, Instant decidedAt,
			Deadlines deadlines) {
		return triaged(complaintId, receivedAt, decidedAt, deadlines, null,
				List.of(new RemedyOption(RemedyKind.BILL_CREDIT, "Credit of 100", new BigDecimal("100"))));
	}

	/** A decision whose case goes to the given work queue. */
	public static ComplaintTriaged triagedFor(String queue, String complaintId, Instant at, Deadlines deadlines) {
		ComplaintTriaged d = triaged(complaintId, at, deadlines, null);
		return new ComplaintTriaged(d.eventId(), d.source(), d.occurredAt(), d.complaintId(), d.customerId(),
				d.schemaVersion(), d.channel(), d.regionCode(), d.customerTier(), d.category(), d.nature(), d.persona(),
				d.emotion(), d.rootCauseLayer(), d.churnRisk(), d.playbook(), d.playbookSteps(), d.priority(),
				d.remedies(), d.verificationRequired(), d.deadlines(), queue, d.incidentId(), d.repeatCount(),
				d.explanation(), d.language(), d.receivedAt());
	}

	/** The same decision with triage's confidence per field as given. */
	public static ComplaintTriaged withConfidence(ComplaintTriaged d, Map<String, Double> confidence) {
		return withExplanation(d, new Explanation(d.explanation().rulesVersion(), d.explanation().signals(), confidence,
				d.explanation().modelVersion()));
	}

	/** The same decision with the explanation given. */
	public static ComplaintTriaged withExplanation(ComplaintTriaged d, Explanation explanation) {
		return new ComplaintTriaged(d.eventId(), d.source(), d.occurredAt(), d.complaintId(), d.customerId(),
				d.schemaVersion(), d.channel(), d.regionCode(), d.customerTier(), d.category(), d.nature(), d.persona(),
				d.emotion(), d.rootCauseLayer(), d.churnRisk(), d.playbook(), d.playbookSteps(), d.priority(),
				d.remedies(), d.verificationRequired(), d.deadlines(), d.queue(), d.incidentId(), d.repeatCount(),
				explanation, d.language(), d.receivedAt());
	}

	/**
	 * A decision like {@link #triaged(String, Instant)} about a complaint of the given
	 * customer (another of their complaints, say).
	 */
	public static ComplaintTriaged triaged(String complaintId, String customerId, Instant at) {
		ComplaintTriaged triaged = triaged(complaintId, at);
		return triaged(complaintId, customerId, at, at, triaged.deadlines(), null, triaged.remedies());
	}

	private static ComplaintTriaged triaged(String complaintId, Instant receivedAt, Instant at, Deadlines deadlines,
			String incidentId, List<RemedyOption> remedies) {
		return triaged(complaintId, "C-" + complaintId, receivedAt, at, deadlines, incidentId, remedies);
	}

	private static ComplaintTriaged triaged(String complaintId, String customerId, Instant receivedAt, Instant at,
			Deadlines deadlines, String incidentId, List<RemedyOption> remedies) {
		return new ComplaintTriaged(EventMetadata.deterministicEventId("triaged", complaintId), "triage", at,
				complaintId, customerId, ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.HOTLINE, "BJ-CY",
				ValueTier.GOLD, Category.NETWORK, Nature.VALID, Persona.VENTING, Emotion.ANGER,
				RootCauseLayer.OPERATOR_SIDE, ChurnRisk.MEDIUM, Playbook.NETWORK_FAULT,
				List.of("Listen first", "Check the base-station alarms in the area", "Call back after the fix"),
				Priority.P2, remedies, false, deadlines, "network-bj", incidentId, 0,
				new Explanation("test-1", List.of("test"), Map.of("category", 1.0)), Language.EN, receivedAt);
	}

}
