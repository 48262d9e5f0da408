package com.complaintflow.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case opening against the real images (apache/kafka, mongo 8). Runs where Docker exists
 * and is skipped cleanly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class RealServersTests {

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
		registry.add("spring.mongodb.uri", () -> mongo.getConnectionString() + "/followup");
	}

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
