package com.complaintflow.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One realistic example of every event type.
 */
final class SampleEvents {

	static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

	private static final String SOURCE = "test";

	private static final String COMPLAINT = "c-1";

	private static final String CUSTOMER = "cust-1";

	private static final String CASE = "case-1";

	private SampleEvents() {
	}

	static List<ComplaintEvent> all() {
		RemedyOption credit = new RemedyOption(RemedyKind.BILL_CREDIT, "50 credit on next bill", new BigDecimal("50"));
		RemedyOption data = new RemedyOption(RemedyKind.DATA_BONUS, "5 GB bonus data", null);
		return List.of(new ComplaintReceived(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, Channel.HOTLINE,
				new Customer(CUSTOMER, "Zhang Wei", "+8613800000000", ValueTier.GOLD), NOW.minus(Duration.ofHours(2)),
				new Location("BJ-CY", "Chaoyang, Beijing"), "Broadband drops every 15 minutes", "your network is bad",
				new ExpectedRemedy(ExpectedRemedyKind.FIX, null, NOW.plus(Duration.ofHours(2))), "Fiber 500", null,
				new EmotionCues(true, true, false, false), Language.EN),
				new ComplaintTriaged(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, Channel.HOTLINE, "BJ-CY",
						ValueTier.GOLD, Category.NETWORK, Nature.VALID, Persona.VENTING, Emotion.ANGER,
						RootCauseLayer.OPERATOR_SIDE, ChurnRisk.MEDIUM, Playbook.NETWORK_FAULT,
						List.of("Listen first", "Engineer within 30 minutes"), Priority.P2, List.of(credit, data),
						false,
						new Deadlines(NOW.plus(Duration.ofHours(24)), NOW.plus(Duration.ofMinutes(30)),
								NOW.plus(Duration.ofHours(2)), Duration.ofHours(4), Duration.ofHours(24)),
						"network-ops", null, 2,
						new Explanation("rules-1", List.of("keyword:drops"), Map.of("category", 0.9),
								"2026-12-04T23:39Z-en-1500+422"),
						Language.EN, NOW.minus(Duration.ofSeconds(2))),
				new IncidentDetected(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, "inc-1", "BJ-CY", Category.NETWORK,
						List.of(COMPLAINT, "c-2"), 2, 1, NOW.minus(Duration.ofMinutes(5)), NOW),
				new CaseOpened(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, Channel.HOTLINE, "BJ-CY",
						Category.NETWORK, Priority.P2, Playbook.NETWORK_FAULT, "network-ops", null,
						List.of(new MilestoneDue(MilestoneKind.FIRST_RESPONSE, NOW.plus(Duration.ofHours(24))))),
				new CustomerContacted(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7",
						List.of(MilestoneKind.FIRST_RESPONSE)),
				new ProgressUpdated(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", "Engineer on the way",
						NOW.plus(Duration.ofHours(4))),
				new RemedyOffered(
						id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", List.of(credit, data), false),
				new RemedyChosen(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", credit),
				new CaseResolved(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", "Port replaced",
						NOW.plus(Duration.ofHours(24))),
				new CallbackCompleted(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", 4, true),
				new CaseEscalated(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, EscalationLevel.EXPERT_TEAM,
						"unresolved at callback", MilestoneKind.ESCALATED_RESOLUTION, NOW.plus(Duration.ofHours(28))),
				new CaseClosed(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", Outcome.RETAINED,
						List.of(new MilestoneActual(MilestoneKind.FIRST_RESPONSE, 1, NOW.minus(Duration.ofHours(1)),
								600_000, 3_600_000, NOW.minus(Duration.ofHours(3)), null),
								new MilestoneActual(MilestoneKind.CALLBACK, 1, NOW.minus(Duration.ofHours(1)),
										90_000_000, 0, NOW, NOW.minus(Duration.ofHours(1))))),
				new ReminderRaised(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, MilestoneKind.FIRST_RESPONSE,
						ReminderKind.WARNING, EscalationLevel.AGENT, NOW.plus(Duration.ofHours(12)), "network-ops",
						Priority.P2),
				new CaseWaitingOnCustomer(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7",
						"waiting for the router serial", NOW,
						List.of(MilestoneKind.FIRST_RESPONSE, MilestoneKind.PROGRESS_UPDATE)),
				new CaseResumed(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, "agent-7", NOW, Duration.ofMinutes(90),
						List.of(new MilestoneDue(MilestoneKind.FIRST_RESPONSE, NOW.plus(Duration.ofHours(25))))),
				new CaseWorked(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, CaseWorkKind.CLAIMED, "agent-7"),
				new DecisionCorrected(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, "corr-1", "category", "NETWORK",
						"BILLING", "model", Playbook.NETWORK_FAULT, "AGENT", "BILLING"),
				new NotificationRequested(id(), SOURCE, NOW, COMPLAINT, CUSTOMER, 1, CASE, NotificationKind.INCIDENT,
						Language.ZH, "您所在地区的网络故障已修复", "inc-1"),
				new CustomerErased(id(), SOURCE, NOW, "ERA-1", CUSTOMER, 1, "ERA-1", "ops"),
				new CustomerDataErased(id(), SOURCE, NOW, "ERA-1", CUSTOMER, 1, "ERA-1", "followup",
						Map.of("cases", 2L, "notification_outbox", 1L)));
	}

	private static UUID id() {
		return UUID.randomUUID();
	}

}
