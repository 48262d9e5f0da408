package com.complaintflow.support.erasure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.CustomerErased;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.events.ValueTier;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listeners' erasure filter against the MongoDB wire server: an erased customer's
 * events from before the erasure request are skipped, later ones and other customers' are
 * kept, the erasure's own and an outage's never skipped; another instance's erasure
 * counts after at most one refresh; the marker holds no customer id.
 */
class ErasedCustomerFilterTests {

	private static final Instant REQUESTED = Instant.parse("2026-12-03T10:00:00Z");

	private static final MongoTemplate mongo = TestInfrastructure.freshDatabase("erased");

	@Test
	void anErasedCustomersEventFromBeforeTheRequestIsSkippedAndOneFromAfterIsKept() {
		ErasedCustomers erased = new ErasedCustomers(mongo, Clock.fixed(REQUESTED, ZoneOffset.UTC));
		ErasedCustomerFilter filter = new ErasedCustomerFilter((record) -> false, erased);

		erased.mark("C-gone", REQUESTED);

		assertThat(filter.filter(record(contacted("C-gone", REQUESTED.minusSeconds(30))))).isTrue();
		assertThat(filter.filter(record(contacted("C-gone", REQUESTED)))).isTrue();
		assertThat(filter.filter(record(contacted("C-gone", REQUESTED.plusMillis(1))))).as("back after the erasure")
			.isFalse();
		assertThat(filter.filter(record(contacted("C-kept", REQUESTED.minusSeconds(30))))).isFalse();
		assertThat(filter.filter(record(new CustomerErased(EventMetadata.newEventId(), "followup", REQUESTED, "erasure",
				"C-gone", ComplaintEvent.CURRENT_SCHEMA_VERSION, "ERA-1", "ops"))))
			.as("the erasure itself, redelivered")
			.isFalse();
		assertThat(filter.filter(record(new IncidentDetected(EventMetadata.newEventId(), "triage",
				REQUESTED.minusSeconds(30), "CMP-1", "C-gone", ComplaintEvent.CURRENT_SCHEMA_VERSION, "INC-1", "BJ",
				Category.NETWORK, List.of("CMP-1"), 1, 1, REQUESTED, REQUESTED))))
			.as("an outage keyed by an erased first member")
			.isFalse();
		assertThat(mongo.getCollection(ErasedCustomers.COLLECTION).find().map(Document::toJson)).isNotEmpty()
			.allSatisfy((json) -> assertThat(json).doesNotContain("C-gone")
				.doesNotContain("C-elsewhere")
				.doesNotContain("C-earlier"));
	}

	@Test
	void aDecisionMadeAfterTheRequestAboutAComplaintReceivedBeforeItIsSkipped() {
		ErasedCustomers erased = new ErasedCustomers(mongo, Clock.fixed(REQUESTED, ZoneOffset.UTC));
		ErasedCustomerFilter filter = new ErasedCustomerFilter((record) -> false, erased);

		erased.mark("C-decided", REQUESTED);

		assertThat(filter.filter(record(decided("C-decided", REQUESTED.minusSeconds(30), REQUESTED.plusSeconds(5)))))
			.as("its complaint is erased data, whenever triage decided it")
			.isTrue();
		assertThat(filter.filter(record(decided("C-decided", REQUESTED.plusMillis(1), REQUESTED.plusSeconds(5)))))
			.as("a complaint after the erasure")
			.isFalse();
	}

	private static ComplaintTriaged decided(String customerId, Instant received, Instant decided) {
		return new ComplaintTriaged(EventMetadata.newEventId(), "triage", decided, "CMP-" + UUID.randomUUID(),
				customerId, ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.HOTLINE, "BJ-CY", ValueTier.GOLD,
				Category.NETWORK, Nature.VALID, Persona.VENTING, Emotion.ANGER, RootCauseLayer.OPERATOR_SIDE,
				ChurnRisk.MEDIUM, Playbook.NETWORK_FAULT, List.of("Listen first"), Priority.P2, List.of(), false,
				new Deadlines(decided.plus(Duration.ofHours(24)), null, null, null, Duration.ofHours(24)), "network-bj",
				null, 0, new Explanation("rules-1", List.of("test"), Map.of()), Language.EN, received);
	}

	@Test
	void theOtherFilterStillSkipsWhatItSkips() {
		ErasedCustomers erased = new ErasedCustomers(mongo, Clock.fixed(REQUESTED, ZoneOffset.UTC));
		ErasedCustomerFilter filter = new ErasedCustomerFilter((record) -> true, erased);

		assertThat(filter.filter(record(contacted("C-anyone", REQUESTED)))).isTrue();
	}

	@Test
	void anotherInstancesErasureCountsAfterOneRefreshAndAtOnceWhenReadNow() {
		Clock clock = Clock.fixed(REQUESTED, ZoneOffset.UTC);
		try (ErasedCustomers marking = new ErasedCustomers(mongo, clock);
				ErasedCustomers reading = new ErasedCustomers(mongo, clock)) {
			marking.mark("C-elsewhere", REQUESTED);
			assertThat(reading.erasureRequestedAtNow("C-elsewhere")).isEqualTo(REQUESTED);

			reading.refresh();

			assertThat(reading.erasureRequestedAt("C-elsewhere")).isEqualTo(REQUESTED);
			// a later erasure of the same customer moves the time on, an earlier one does
			// not
			marking.mark("C-elsewhere", REQUESTED.plusSeconds(60));
			marking.mark("C-elsewhere", REQUESTED.minusSeconds(60));
			reading.refresh();
			assertThat(reading.erasureRequestedAt("C-elsewhere")).isEqualTo(REQUESTED.plusSeconds(60));
			assertThat(reading.erasureRequestedAtNow("C-never")).isNull();
		}
	}

	@Test
	void anInstanceStartedAfterAnErasureKnowsItBeforeItsFirstEvent() {
		Clock clock = Clock.fixed(REQUESTED, ZoneOffset.UTC);
		try (ErasedCustomers before = new ErasedCustomers(mongo, clock)) {
			before.mark("C-earlier", REQUESTED);
		}
		try (ErasedCustomers started = new ErasedCustomers(mongo, clock)) {
			assertThat(started.erasureRequestedAt("C-earlier")).isEqualTo(REQUESTED);
		}
	}

	private static CustomerContacted contacted(String customerId, Instant at) {
		return new CustomerContacted(EventMetadata.newEventId(), "followup", at, "CMP-" + UUID.randomUUID(), customerId,
				ComplaintEvent.CURRENT_SCHEMA_VERSION, "CASE-1", "agent", List.of());
	}

	private static ConsumerRecord<Object, Object> record(ComplaintEvent event) {
		return new ConsumerRecord<>("complaints.cases", 0, 0, event.customerId(), event);
	}

}
