package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.complaintflow.events.MilestoneKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the backlog per milestone kind: open milestones due within the
 * about-to-breach window, and open milestones already past their deadline. One
 * aggregation over all cases (no index serves it, on either server), so it runs rarely:
 * every five minutes by default, well inside the alert rules' ten-minute windows.
 */
@Component
class BacklogMetrics {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration window;

	private final Map<MilestoneKind, AtomicLong> aboutToBreach = new EnumMap<>(MilestoneKind.class);

	private final Map<MilestoneKind, AtomicLong> overdue = new EnumMap<>(MilestoneKind.class);

	BacklogMetrics(MongoTemplate mongo, Clock clock, MeterRegistry registry,
			@Value("${complaintflow.followup.about-to-breach-window:1h}") Duration window) {
		this.mongo = mongo;
		this.clock = clock;
		this.window = window;
		for (MilestoneKind kind : MilestoneKind.values()) {
			this.aboutToBreach.put(kind, gauge(registry, "followup.milestones.about.to.breach", kind,
					"Open milestones due within the about-to-breach window"));
			this.overdue.put(kind,
					gauge(registry, "followup.milestones.overdue", kind, "Open milestones past their deadline"));
		}
	}

	private static AtomicLong gauge(MeterRegistry registry, String name, MilestoneKind kind, String description) {
		AtomicLong value = new AtomicLong();
		Gauge.builder(name, value, AtomicLong::get)
			.description(description)
			.tag("milestone", kind.name())
			.register(registry);
		return value;
	}

	@Scheduled(fixedDelayString = "${complaintflow.followup.backlog-metrics-interval:5m}",
			initialDelayString = "${complaintflow.followup.backlog-metrics-initial-delay:10s}")
	void measure() {
		Instant now = this.clock.instant();
		Instant horizon = now.plus(this.window);
		Criteria open = Criteria.where("milestones.status").is("OPEN");
		Aggregation aggregation = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("milestones")
					.elemMatch(Criteria.where("status").is("OPEN").and("dueAt").lte(horizon))),
				Aggregation.unwind("milestones"), Aggregation.match(open.and("milestones.dueAt").lte(horizon)),
				Aggregation.project().and("milestones.kind").as("kind").and("milestones.dueAt").as("dueAt"));
		Map<MilestoneKind, Long> soon = new EnumMap<>(MilestoneKind.class);
		Map<MilestoneKind, Long> late = new EnumMap<>(MilestoneKind.class);
		for (Document row : this.mongo.aggregate(aggregation, "cases", Document.class)) {
			MilestoneKind kind = MilestoneKind.valueOf(row.getString("kind"));
			boolean past = !row.getDate("dueAt").toInstant().isAfter(now);
			(past ? late : soon).merge(kind, 1L, Long::sum);
		}
		for (MilestoneKind kind : MilestoneKind.values()) {
			this.aboutToBreach.get(kind).set(soon.getOrDefault(kind, 0L));
			this.overdue.get(kind).set(late.getOrDefault(kind, 0L));
		}
	}

}
