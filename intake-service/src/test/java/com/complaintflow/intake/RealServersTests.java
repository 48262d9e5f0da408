package com.complaintflow.intake;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.bson.Document;
import com.complaintflow.support.test.RealServers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Submission, idempotent retry and status against the real images (apache/kafka, mongo
 * 8), plus what only real MongoDB has: the TTL index that expires idempotency keys. Runs
 * where Docker exists and is skipped cleanly where it does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServersTests extends RealServers {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongoTemplate;

	@Test
	void retriedComplaintIsAcceptedOnceAndReadableByItsChannel() {
		IntakeHttp http = new IntakeHttp(this.port);
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = http.submit(IntakeHttp.HOTLINE_KEY, key, SampleComplaints.broadband("C-9001"));
		HttpResponse<String> retry = http.submit(IntakeHttp.HOTLINE_KEY, key, SampleComplaints.broadband("C-9001"));

		assertThat(first.statusCode()).isEqualTo(202);
		String complaintId = IntakeHttp.json(first.body()).path("complaintId").asString();
		assertThat(IntakeHttp.json(retry.body()).path("complaintId").asString()).isEqualTo(complaintId);
		// the status consumer writes it a moment after the 202, off the request path
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get(IntakeHttp.HOTLINE_KEY, "/api/v1/complaints/" + complaintId).statusCode() == 200);
		assertThat(http.get(IntakeHttp.APP_KEY, "/api/v1/complaints/" + complaintId).statusCode()).isEqualTo(404);
	}

	@Test
	void realMongoDbExpiresIdempotencyKeysThroughATtlIndex() {
		assertThat(this.mongoTemplate.getCollection("idempotency_keys").listIndexes()).anySatisfy((Document index) -> {
			assertThat(index.get("key", Document.class)).containsKey("expiresAt");
			assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
		});
	}

}
