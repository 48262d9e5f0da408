package com.complaintflow.triage.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.Category;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.rules.TriageContext;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer history against the MongoDB wire server: one document per customer,
 * repeats and claims within the window, mishandling, idempotent adds and pruning.
 */
class CustomerHistoryTests {

	private static final Duration WINDOW = Duration.ofDays(90);

	private static final MongoTemplate mongo = TestInfrastructure.freshDatabase("history");

	private final CustomerHistory history = new CustomerHistory(mongo);

	@Test
	void firstComplaintHasNoHistory() {
		assertThat(this.history.contextFor(complaint(customer(), Instant.now()), WINDOW)).isEqualTo(TriageContext.NONE);
	}

	@Test
	void countsEarlierComplaintsAndClaimsWithinTheWindowOnly() {
		String customer = customer();
		Instant now = Instant.parse("2026-11-22T12:00:00Z");
		this.history.add(customer, new PastComplaint("old", now.minus(Duration.ofDays(91)), true, false, false));
		this.history.add(customer, new PastComplaint("a", now.minus(Duration.ofDays(30)), true, false, false));
		this.history.add(customer, new PastComplaint("b", now.minus(Duration.ofDays(2)), false, false, false));
		this.history.add(customer, new PastComplaint("later", now.plusSeconds(60), false, false, false));

		TriageContext context = this.history.contextFor(complaint(customer, now), WINDOW);

		assertThat(context.repeatCount()).isEqualTo(2);
		assertThat(context.priorClaims()).isEqualTo(1);
		assertThat(context.lastMishandled()).isFalse();
	}

	@Test
	void addingTheSameComplaintAgainKeepsOneEntry() {
		String customer = customer();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		PastComplaint past = new PastComplaint("c-1", now.minusSeconds(60), false, false, false);
		this.history.add(customer, past);
		this.history.add(customer, past);

		assertThat(mongo.findById(customer, CustomerHistoryDocument.class).complaints()).containsExactly(past);
		assertThat(this.history.contextFor(complaint(customer, now), WINDOW).repeatCount()).isEqualTo(1);
	}

	@Test
	void theComplaintBeingDecidedIsNotItsOwnHistory() {
		String customer = customer();
		ComplaintReceived complaint = complaint(customer, Instant.now());
		this.history.add(customer,
				new PastComplaint(complaint.complaintId(), complaint.occurredAt(), false, false, false));

		assertThat(this.history.contextFor(complaint, WINDOW)).isEqualTo(TriageContext.NONE);
	}

	@Test
	void onlyTheLatestComplaintDecidesWhetherTheLastWasMishandled() {
		String customer = customer();
		Instant now = Instant.now();
		this.history.add(customer, new PastComplaint("earlier", now.minusSeconds(600), false, false, false));
		this.history.add(customer, new PastComplaint("latest", now.minusSeconds(60), false, false, false));

		this.history.markMishandled(customer, "earlier");
		assertThat(this.history.contextFor(complaint(customer, now), WINDOW).lastMishandled()).isFalse();

		this.history.markMishandled(customer, "latest");
		assertThat(this.history.contextFor(complaint(customer, now), WINDOW).lastMishandled()).isTrue();
		assertThat(this.history.contextFor(complaint(customer, now), WINDOW).lastPromiseBroken()).isFalse();
	}

	@Test
	void aBreachedDeadlineMarksTheLatestComplaintsPromiseBrokenAndMishandled() {
		String customer = customer();
		Instant now = Instant.now();
		this.history.add(customer, new PastComplaint("earlier", now.minusSeconds(600), false, false, false));
		this.history.add(customer, new PastComplaint("latest", now.minusSeconds(60), false, false, false));

		this.history.markPromiseBroken(customer, "earlier");
		assertThat(this.history.contextFor(complaint(customer, now), WINDOW).lastPromiseBroken()).isFalse();

		this.history.markPromiseBroken(customer, "latest");
		TriageContext context = this.history.contextFor(complaint(customer, now), WINDOW);
		assertThat(context.lastPromiseBroken()).isTrue();
		assertThat(context.lastMishandled()).isTrue();
	}

	@Test
	void aSecondDeciderAddsAComplaintMarkedSinceItsReadOnceNotTwice() {
		String customer = customer();
		Instant now = Instant.now();
		this.history.add(customer, new PastComplaint("earlier", now.minusSeconds(600), false, false, false));
		// a second instance read the history before the first one wrote the complaint
		HistoryBatch late = this.history.batch(List.of(customer));
		PastComplaint complaint = new PastComplaint("c-1", now.minusSeconds(60), false, false, false);
		this.history.add(customer, complaint);
		this.history.markMishandled(customer, "c-1");

		late.add(customer, complaint);
		late.write();

		assertThat(mongo.findById(customer, CustomerHistoryDocument.class).complaints())
			.filteredOn((past) -> past.complaintId().equals("c-1"))
			.singleElement()
			.satisfies((past) -> assertThat(past.mishandled()).isTrue());
	}

	@Test
	void aSecondDecisionOfTheSameComplaintLeavesTheFirstStored() {
		DecisionStore store = new DecisionStore(mongo, this.history);
		String complaintId = "c-" + UUID.randomUUID();

		assertThat(store.saveAll(List.of(decision(complaintId, "{\"first\":true}")))).isEmpty();
		assertThat(store.saveAll(List.of(decision(complaintId, "{\"second\":true}")))).containsExactly(0);

		assertThat(mongo.findById(complaintId, StoredDecision.class).eventJson()).isEqualTo("{\"first\":true}");
	}

	private static StoredDecision decision(String complaintId, String eventJson) {
		return new StoredDecision(complaintId, "C-1", "BJ-1", Instant.now(), Category.NETWORK, Playbook.NETWORK_FAULT,
				null, eventJson, Language.EN, "text", Map.of(), Map.of());
	}

	@Test
	void aComplaintStoredBeforePromisesWereRecordedReadsAsNotBroken() {
		String customer = customer();
		Instant now = Instant.now();
		mongo.getCollection(mongo.getCollectionName(CustomerHistoryDocument.class))
			.insertOne(new Document("_id", customer).append("complaints",
					List.of(new Document("complaintId", "old-style")
						.append("receivedAt", Date.from(now.minusSeconds(60)))
						.append("claimed", false)
						.append("mishandled", true))));

		TriageContext context = this.history.contextFor(complaint(customer, now), WINDOW);
		assertThat(context.repeatCount()).isEqualTo(1);
		assertThat(context.lastMishandled()).isTrue();
		assertThat(context.lastPromiseBroken()).isFalse();
	}

	@Test
	void prunesExpiredComplaintsAndKeepsAtMostTheNewest() {
		String customer = customer();
		Instant now = Instant.now();
		this.history.add(customer, new PastComplaint("expired", now.minus(Duration.ofDays(400)), false, false, false));
		for (int i = 0; i < CustomerHistory.MAX_KEPT + 5; i++) {
			this.history.add(customer, new PastComplaint("c-" + i, now.minusSeconds(10_000 - i), false, false, false));
		}

		// a preview's read changes nothing
		this.history.contextFor(complaint(customer, now), WINDOW);
		assertThat(mongo.findById(customer, CustomerHistoryDocument.class).complaints())
			.hasSize(CustomerHistory.MAX_KEPT + 6);

		// a poll's write prunes
		HistoryBatch batch = this.history.batch(List.of(customer));
		batch.contextFor(complaint(customer, now), WINDOW);
		batch.write();

		var kept = mongo.findById(customer, CustomerHistoryDocument.class).complaints();
		assertThat(kept).hasSize(CustomerHistory.MAX_KEPT);
		assertThat(kept).extracting(PastComplaint::complaintId).doesNotContain("expired", "c-0", "c-4").contains("c-5");
	}

	private static String customer() {
		return "C-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static ComplaintReceived complaint(String customerId, Instant receivedAt) {
		ComplaintReceived template = TriageServiceIntegrationTests.complaint("SH-PD", "My bill is wrong");
		return new ComplaintReceived(template.eventId(), template.source(), receivedAt, template.complaintId(),
				customerId, template.schemaVersion(), template.channel(), template.customer(),
				template.problemOccurredAt(), template.location(), template.description(), template.believedCause(),
				template.expectedRemedy(), template.product(), template.disputedAmount(), template.emotionCues(),
				template.language());
	}

}
