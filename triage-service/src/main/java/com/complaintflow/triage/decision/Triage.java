package com.complaintflow.triage.decision;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.triage.incident.OutageDetector;
import com.complaintflow.triage.model.ModelRegistry;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.RulesRegistry;
import com.complaintflow.triage.rules.TriageContext;
import com.complaintflow.triage.rules.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Decides a received complaint once: reads the customer history, records it for outage
 * detection, applies the rules and the learned model in force (hard rules, then the model
 * when sure, then the rules), stores the decision and publishes it. A redelivered
 * complaint republishes the stored decision instead of deciding again.
 */
@Component
class Triage {

	static final String SOURCE = "triage";

	private final RulesRegistry rules;

	private final ModelRegistry models;

	private final DecisionStore store;

	private final OutageDetector outages;

	private final MeterRegistry meters;

	private final DecidedFields decidedFields;

	private final Timer decisionTimer;

	Triage(RulesRegistry rules, ModelRegistry models, DecisionStore store, OutageDetector outages,
			DecidedFields decidedFields, MeterRegistry meters) {
		this.rules = rules;
		this.models = models;
		this.store = store;
		this.outages = outages;
		this.decidedFields = decidedFields;
		this.meters = meters;
		this.decisionTimer = Timer.builder("triage.decision.duration")
			.description("Time to decide one complaint (history, outage check, rules)")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Reads what a poll's complaints are decided with: their stored decisions, their
	 * customers' histories, their regions' outage state (one query each).
	 */
	TriageBatch begin(List<ComplaintReceived> complaints) {
		Set<String> ids = new LinkedHashSet<>();
		Set<String> customers = new LinkedHashSet<>();
		Set<String> regions = new LinkedHashSet<>();
		Instant earliest = Instant.MAX;
		Instant latest = Instant.MIN;
		for (ComplaintReceived complaint : complaints) {
			ids.add(complaint.complaintId());
			customers.add(complaint.customerId());
			regions.add(complaint.location().regionCode());
			earliest = complaint.occurredAt().isBefore(earliest) ? complaint.occurredAt() : earliest;
			latest = complaint.occurredAt().isAfter(latest) ? complaint.occurredAt() : latest;
		}
		return new TriageBatch(this.store, this.store.findAll(ids), this.store.histories(customers),
				this.outages.batch(regions, earliest, latest));
	}

	/**
	 * Decides a complaint of the poll in memory; at-least-once safe when the caller
	 * writes the batch and publishes the returned decision before committing the offset.
	 * A complaint already decided is not decided again: its stored decision is returned
	 * to be published again.
	 * @param complaint the received complaint
	 * @param batch the poll's batch
	 * @return the decision to publish
	 */
	ComplaintTriaged triage(ComplaintReceived complaint, TriageBatch batch) {
		ComplaintTriaged earlier = batch.decided(complaint.complaintId());
		if (earlier != null) {
			Counter.builder("triage.decisions.republished")
				.description("Redelivered complaints answered with their stored decision")
				.register(this.meters)
				.increment();
			return earlier;
		}
		Verdict verdict = this.decisionTimer.record(() -> decide(complaint, batch));
		ComplaintTriaged decision = toEvent(complaint, verdict);
		batch.decide(complaint, decision, verdict.decidedBy());
		Counter.builder("triage.decisions")
			.description("Triage decisions made, by category, playbook and priority")
			.tags("category", decision.category().name(), "playbook", decision.playbook().name(), "priority",
					decision.priority().name())
			.register(this.meters)
			.increment();
		this.decidedFields.counted(complaint.language(), verdict.decidedBy(), verdict.explanation().confidence());
		return decision;
	}

	/**
	 * The decision the rules in force would make now, without storing, publishing or
	 * counting the complaint towards an outage.
	 */
	ComplaintTriaged preview(ComplaintReceived complaint) {
		RuleSet ruleSet = this.rules.current();
		RuleSet.Analysis analysis = ruleSet.analyze(complaint, (signals) -> this.models.advise(complaint, signals));
		TriageContext context = this.store.history(complaint, ruleSet.historyWindow())
			.withIncident(this.outages.peek(complaint.location().regionCode(), analysis.category(), analysis.signals(),
					complaint.occurredAt()));
		return toEvent(complaint, ruleSet.decide(analysis, context));
	}

	private Verdict decide(ComplaintReceived complaint, TriageBatch batch) {
		RuleSet ruleSet = this.rules.current();
		RuleSet.Analysis analysis = ruleSet.analyze(complaint, (signals) -> this.models.advise(complaint, signals));
		TriageContext context = batch.histories().contextFor(complaint, ruleSet.historyWindow());
		if (this.outages.watches(analysis.category(), analysis.signals())) {
			context = context.withIncident(batch.outages().record(complaint, analysis.category()));
		}
		return ruleSet.decide(analysis, context);
	}

	static ComplaintTriaged toEvent(ComplaintReceived complaint, Verdict verdict) {
		return new ComplaintTriaged(EventMetadata.deterministicEventId("complaint-triaged", complaint.complaintId()),
				SOURCE, EventMetadata.now(), complaint.complaintId(), complaint.customerId(),
				ComplaintEvent.CURRENT_SCHEMA_VERSION, complaint.channel(), complaint.location().regionCode(),
				complaint.customer().tier(), verdict.category(), verdict.nature(), verdict.persona(), verdict.emotion(),
				verdict.rootCauseLayer(), verdict.churnRisk(), verdict.playbook(), verdict.playbookSteps(),
				verdict.priority(), verdict.remedies(), verdict.verificationRequired(), verdict.deadlines(),
				verdict.queue(), verdict.incidentId(), verdict.repeatCount(), verdict.explanation(),
				complaint.language(), complaint.occurredAt());
	}

}
