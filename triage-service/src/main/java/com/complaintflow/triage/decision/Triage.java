package com.complaintflow.triage.decision;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.triage.incident.OutageDetector;
import com.complaintflow.triage.model.ModelRegistry;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.RulesRegistry;
import com.complaintflow.triage.rules.TriageContext;
import com.complaintflow.triage.rules.Verdict;
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

	private final EventPublisher publisher;

	private final MeterRegistry meters;

	private final Timer decisionTimer;

	Triage(RulesRegistry rules, ModelRegistry models, DecisionStore store, OutageDetector outages,
			EventPublisher publisher, MeterRegistry meters) {
		this.rules = rules;
		this.models = models;
		this.store = store;
		this.outages = outages;
		this.publisher = publisher;
		this.meters = meters;
		this.decisionTimer = Timer.builder("triage.decision.duration")
			.description("Time to decide one complaint (history, outage check, rules)")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Decides and stores now, and starts publishing; at-least-once safe when the caller
	 * waits for the returned future before committing the offset. A complaint already
	 * decided is not decided again: its stored decision is published again.
	 * @param complaint the received complaint
	 * @return completes when the broker acknowledged the decision
	 */
	CompletableFuture<?> triage(ComplaintReceived complaint) {
		Optional<ComplaintTriaged> stored = this.store.find(complaint.complaintId());
		if (stored.isPresent()) {
			this.meters.counter("triage.decisions.republished").increment();
			return this.publisher.publish(stored.get());
		}
		Verdict verdict = this.decisionTimer.record(() -> decide(complaint));
		ComplaintTriaged decision = toEvent(complaint, verdict);
		this.store.save(complaint, decision, verdict.decidedBy());
		this.meters
			.counter("triage.decisions", "category", decision.category().name(), "playbook", decision.playbook().name(),
					"priority", decision.priority().name())
			.increment();
		return this.publisher.publish(decision);
	}

	/**
	 * The decision the rules in force would make now, without storing, publishing or
	 * counting the complaint towards an outage.
	 */
	ComplaintTriaged preview(ComplaintReceived complaint) {
		RuleSet ruleSet = this.rules.current();
		RuleSet.Analysis analysis = ruleSet.analyze(complaint, this.models.advise(complaint));
		TriageContext context = this.store.history(complaint, ruleSet.historyWindow())
			.withIncident(
					this.outages.peek(complaint.location().regionCode(), analysis.category(), complaint.occurredAt()));
		return toEvent(complaint, ruleSet.decide(analysis, context));
	}

	private Verdict decide(ComplaintReceived complaint) {
		RuleSet ruleSet = this.rules.current();
		RuleSet.Analysis analysis = ruleSet.analyze(complaint, this.models.advise(complaint));
		TriageContext context = this.store.history(complaint, ruleSet.historyWindow());
		if (this.outages.watches(analysis.category())) {
			context = context.withIncident(this.outages.record(complaint, analysis.category()));
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
				complaint.language());
	}

}
