package com.complaintflow.intake.submission;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.complaintflow.events.Channel;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.SampleComplaints;
import com.complaintflow.intake.StandaloneBroker;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the broker killed (kill -9), intake answers 503 with Retry-After, never 202, and
 * records nothing as accepted; once the broker is back the retries with the same key are
 * accepted once (an acceptance, not a replay); nothing logged of the outage names the
 * customer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BrokerOutageTests {

	private static StandaloneBroker broker;

	@LocalServerPort
	int port;

	@Autowired
	IdempotencyStore store;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		broker = new StandaloneBroker();
		broker.start();
		String database = "outage-" + UUID.randomUUID().toString().substring(0, 8);
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
		registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri() + "/" + database);
		registry.add("spring.mongodb.database", () -> database);
		registry.add("complaintflow.kafka.partitions", () -> 1);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void stoppedBrokerGives503AndTheRetryAfterItIsBackIsAccepted(CapturedOutput output) {
		IntakeHttp http = new IntakeHttp(this.port);
		assertThat(http.submit(IntakeHttp.HOTLINE_KEY, null, SampleComplaints.minimal("C-7001", "before")).statusCode())
			.isEqualTo(202);

		broker.kill();
		String key = UUID.randomUUID().toString();
		String body = SampleComplaints.broadband("C-7002");
		HttpResponse<String> during = http.submit(IntakeHttp.HOTLINE_KEY, key, body);
		HttpResponse<String> withoutKey = http.submit(IntakeHttp.HOTLINE_KEY, null, body);

		ComplaintValidationTests.assertProblem(during, 503);
		ComplaintValidationTests.assertProblem(withoutKey, 503);
		assertThat(during.headers().firstValue("Retry-After")).hasValue("2");
		IdempotencyRecord record = this.store.find(Channel.HOTLINE.name() + ":" + key).orElseThrow();
		assertThat(record.state()).isEqualTo(IdempotencyRecord.State.FAILED);
		assertThat(http.get(IntakeHttp.HOTLINE_KEY, "/api/v1/complaints/" + record.complaintId()).statusCode())
			.isEqualTo(404);

		double acceptedBefore = counted("complaints.intake.accepted");
		double replayedBefore = counted("complaints.intake.replayed");
		broker.start();
		// the broker answers, but the producer may still be backing off its reconnection
		// or waiting for the partition's leader: a send may outlast the 2 s send timeout
		// for a while, and each such retry is told 503 again (and left FAILED), so the
		// client retries with its key as Retry-After says until it is accepted
		HttpResponse<String> after = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> http.submit(IntakeHttp.HOTLINE_KEY, key, body), (response) -> response.statusCode() != 503);

		assertThat(after.statusCode()).isEqualTo(202);
		// the client was told 503 each time: this is its complaint's acceptance, not a
		// replay
		assertThat(after.headers().firstValue("Idempotent-Replayed")).hasValue("false");
		assertThat(counted("complaints.intake.accepted")).isEqualTo(acceptedBefore + 1);
		assertThat(counted("complaints.intake.replayed")).isEqualTo(replayedBefore);
		assertThat(IntakeHttp.json(after.body()).path("complaintId").asString()).isEqualTo(record.complaintId());
		// the SENT mark is written with others' a moment after the 202
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.store.find(Channel.HOTLINE.name() + ":" + key).orElseThrow().state(),
					(state) -> state == IdempotencyRecord.State.SENT);
		assertThat(http.submit(IntakeHttp.HOTLINE_KEY, null, body).statusCode()).isEqualTo(202);
		// what was logged of the outage (the publish timeouts, the producer's
		// reconnections)
		// holds no personal data of the complaint
		assertThat(output.getAll()).contains("Kafka did not acknowledge complaint")
			.doesNotContain(SampleComplaints.PHONE)
			.doesNotContain(SampleComplaints.NAME);
	}

	private double counted(String counter) {
		return this.meters.find(counter)
			.tag("channel", "HOTLINE")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
