package com.complaintflow.followup.erasure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.complaintflow.followup.oncall.OnCallSettings;
import com.complaintflow.support.test.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Followup's part of an erasure against the MongoDB wire server: the pages of the
 * customer's cases are resolved (Alertmanager stops paging) and keep nothing that names
 * the customer; with event delivery they are removed.
 */
class FollowupErasureTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private static final MongoTemplate mongo = TestInfrastructure.freshDatabase("erasure");

	@Test
	void theCustomersFiringAndPendingPagesAreResolvedNowWithoutTheirEvent() {
		String customer = "C-" + UUID.randomUUID();
		String caseId = "case-" + UUID.randomUUID();
		mongo.insert(new Document("_id", caseId).append("customerId", customer).append("kind", "COMPLAINT"), "cases");
		Date earlier = Date.from(NOW.minusSeconds(600));
		alert("firing-" + caseId, caseId, "FIRING", customer, null);
		alert("pending-" + caseId, caseId, "PENDING", customer, null);
		alert("resolving-" + caseId, caseId, "RESOLVING", customer, earlier);
		alert("other-" + caseId, "case-of-someone-else", "FIRING", "C-other", null);

		erasure(OnCallSettings.Format.ALERTMANAGER).erase(customer);

		for (String id : List.of("firing-" + caseId, "pending-" + caseId)) {
			Document page = mongo.findById(id, Document.class, "oncall_outbox");
			assertThat(page.getString("status")).isEqualTo("RESOLVING");
			assertThat(page.getDate("resolvedAt")).isEqualTo(Date.from(NOW));
			assertThat(page.getDate("nextAttemptAt")).isEqualTo(Date.from(NOW));
			assertThat(page).doesNotContainKey("eventJson");
		}
		Document resolving = mongo.findById("resolving-" + caseId, Document.class, "oncall_outbox");
		assertThat(resolving.getDate("resolvedAt")).isEqualTo(earlier);
		assertThat(resolving).doesNotContainKey("eventJson");
		Document other = mongo.findById("other-" + caseId, Document.class, "oncall_outbox");
		assertThat(other.getString("status")).isEqualTo("FIRING");
		assertThat(other.getString("eventJson")).contains("C-other");
	}

	@Test
	void withEventDeliveryTheCustomersAlertsAreRemoved() {
		String customer = "C-" + UUID.randomUUID();
		String caseId = "case-" + UUID.randomUUID();
		mongo.insert(new Document("_id", caseId).append("customerId", customer).append("kind", "COMPLAINT"), "cases");
		alert("pending-" + caseId, caseId, "PENDING", customer, null);

		erasure(OnCallSettings.Format.EVENT).erase(customer);

		assertThat(mongo.findById("pending-" + caseId, Document.class, "oncall_outbox")).isNull();
	}

	private static void alert(String id, String caseId, String status, String customer, Date resolvedAt) {
		mongo.insert(new Document("_id", id).append("caseId", caseId)
			.append("status", status)
			.append("eventJson", "{\"customerId\":\"" + customer + "\"}")
			.append("resolvedAt", resolvedAt)
			.append("leaseUntil", new Date(0)), "oncall_outbox");
	}

	private static FollowupErasure erasure(OnCallSettings.Format format) {
		OnCallSettings settings = new OnCallSettings(List.of(), format, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1), null, null, null, null);
		return new FollowupErasure(mongo, settings, Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
