package com.complaintflow.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.RealServers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case opening against the real images (apache/kafka, mongo 8). Runs where Docker exists
 * and is skipped cleanly where it does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServersTests extends RealServers {

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	@Test
	void triagedComplaintOpensOneCase() {
		String complaintId = "CMP-" + UUID.randomUUID();
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, Instant.now().truncatedTo(ChronoUnit.MILLIS)));

		StaffClient agent = new StaffClient(this.port, "agent", "agent-dev");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> agent.get("/api/v1/cases?complaintId=" + complaintId).json().size() == 1);
		assertThat(agent.get("/api/v1/cases/" + CaseOpening.caseIdFor(complaintId)).code()).isEqualTo(200);
	}

}
