package com.complaintflow.triage.decision;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.complaintflow.events.Language;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exports {@link UntrainedLabels} per language as the gauge
 * {@code triage_corrections_untrained}, counted every 5 minutes (a count that fails keeps
 * the last one), for the alert that says retraining is due.
 */
@Component
class UntrainedLabelsGauge {

	private static final Logger log = LoggerFactory.getLogger(UntrainedLabelsGauge.class);

	private final UntrainedLabels labels;

	private final Map<Language, AtomicLong> counts = new EnumMap<>(Language.class);

	UntrainedLabelsGauge(UntrainedLabels labels, MeterRegistry meters) {
		this.labels = labels;
		for (Language language : Language.values()) {
			AtomicLong count = new AtomicLong();
			this.counts.put(language, count);
			Gauge.builder("triage.corrections.untrained", count, AtomicLong::get)
				.description("Labels staff gave since the model in force was trained (each complaint's field corrected "
						+ "or confirmed once, as the corrections export writes them), counted every 5 minutes")
				.tag("language", language.name())
				.register(meters);
		}
	}

	@Scheduled(fixedDelay = 5, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	void refresh() {
		try {
			for (UntrainedLabels.Untrained untrained : this.labels.count()) {
				this.counts.get(untrained.language()).set(untrained.labels());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not count the labels the models in force have not learned from: {}", ex.toString());
		}
	}

}
