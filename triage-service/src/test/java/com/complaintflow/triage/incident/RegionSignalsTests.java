package com.complaintflow.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.config.TriageSettings;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outage signals of a region against the MongoDB wire server: one document per
 * region, idempotent adds, pruning behind the newest signal.
 */
class RegionSignalsTests {

	private static final MongoTemplate mongo = TestInfrastructure.freshDatabase("signals");

	private final RegionSignals signals = new RegionSignals(mongo, new TriageSettings(null, Duration.ofSeconds(5), null,
			new TriageSettings.Outage(3, Duration.ofMinutes(10), Duration.ofMinutes(60))));

	@Test
	void addingASignalTwiceKeepsOne() {
		Instant at = Instant.parse("2026-11-22T12:00:00Z");
		OutageSignal signal = new OutageSignal("c-1", "C-1", Category.NETWORK, at);

		this.signals.add("HZ-XH", signal);

		assertThat(this.signals.add("HZ-XH", signal)).containsExactly(signal);
		assertThat(this.signals.add("SH-PD", signal)).containsExactly(signal);
	}

	@Test
	void signalsOlderThanTwiceTheWindowBehindTheNewestArePruned() {
		Instant at = Instant.parse("2026-11-22T12:00:00Z");
		OutageSignal old = new OutageSignal("old", "C-1", Category.NETWORK, at.minus(Duration.ofMinutes(21)));
		OutageSignal recent = new OutageSignal("recent", "C-2", Category.NETWORK, at.minus(Duration.ofMinutes(19)));
		this.signals.add("BJ-CY", old);
		this.signals.add("BJ-CY", recent);

		OutageSignal now = new OutageSignal("now", "C-3", Category.EMERGENCY, at);

		assertThat(this.signals.add("BJ-CY", now)).containsExactlyInAnyOrder(recent, now);
		assertThat(mongo.findById("BJ-CY", OutageRegion.class).signals()).containsExactlyInAnyOrder(recent, now);
	}

	@Test
	void aRegionKeepsOnlyItsNewestSignalsHoweverLargeTheOutage() {
		RegionSignals capped = new RegionSignals(mongo, new TriageSettings(null, Duration.ofSeconds(5), null,
				new TriageSettings.Outage(3, Duration.ofMinutes(10), Duration.ofMinutes(60))), 10);
		Instant start = Instant.parse("2026-11-30T08:00:00Z");
		List<OutageSignal> returned = List.of();
		for (int i = 0; i < 50; i++) {
			returned = capped.add("SH-PD",
					new OutageSignal("CMP-" + i, "C-" + i, Category.NETWORK, start.plusSeconds(i)));
		}

		assertThat(returned).hasSize(10);
		assertThat(mongo.findById("SH-PD", OutageRegion.class).signals()).hasSize(10)
			.extracting(OutageSignal::id)
			.contains("CMP-49", "CMP-40")
			.doesNotContain("CMP-39");
	}

}
