package com.complaintflow.triage.decision;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.kafka.PublishFailedException;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.support.tracing.ComplaintTrace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A correction is counted as a staff check once, when it is first stored: also when the
 * broker then does not acknowledge its event (the request answers 503 and its retries are
 * replays), so the counter does not undercount while the broker has trouble.
 */
class CorrectionRecorderTests {

	private static final MongoTemplate mongo = TestInfrastructure.freshDatabase("corrections");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aCorrectionWhosePublishFailedIsCountedOnceAndItsRetriesAreNot() {
		KafkaTemplate<Object, Object> unreachable = template(closedPort(), Duration.ofSeconds(1));
		// the first send to the broker reads the topic's metadata (and may create it)
		KafkaTemplate<Object, Object> reachable = template(TestInfrastructure.bootstrapServers(),
				Duration.ofSeconds(30));
		try {
			CorrectionRecorder down = recorder(unreachable, Duration.ofSeconds(5));
			CorrectionRecorder up = recorder(reachable, Duration.ofSeconds(30));
			Correction correction = correction();

			assertThatExceptionOfType(PublishFailedException.class)
				.isThrownBy(() -> down.record(correction, false, explanation()));
			assertThat(checks()).isEqualTo(1);
			assertThat(mongo.findById(correction.correctionId(), Correction.class)).isNotNull();

			// retried while the broker is still down, then once it is back
			assertThatExceptionOfType(PublishFailedException.class)
				.isThrownBy(() -> down.record(correction, false, explanation()));
			CorrectionRecorder.Recorded retried = up.record(correction, false, explanation());

			assertThat(retried.replayed()).isTrue();
			assertThat(checks()).isEqualTo(1);
		}
		finally {
			close(unreachable);
			close(reachable);
		}
	}

	private CorrectionRecorder recorder(KafkaTemplate<Object, Object> template, Duration sendTimeout) {
		EventPublisher publisher = new EventPublisher(template, sendTimeout,
				new ComplaintTrace(Tracer.NOOP, Propagator.NOOP));
		return new CorrectionRecorder(mongo, publisher, new DecisionChecks(this.meters));
	}

	private double checks() {
		return DecisionChecksTests.counted(this.meters, "field", "category", "outcome", "corrected");
	}

	private static Correction correction() {
		CorrectionRequest body = new CorrectionRequest("category", "BILLING", null);
		String complaintId = "CMP-" + UUID.randomUUID();
		return new Correction(CorrectionRecorder.id(null, "agent", complaintId, body, null), complaintId, "CUS-1",
				Language.EN, "My bill went up", body.field(), "NETWORK", body.value(), "rules", Playbook.STANDARD_CARE,
				"agent", "AGENT", EventMetadata.now(), null, null);
	}

	private static Explanation explanation() {
		return new Explanation("rules", List.of("score:category.NETWORK=7.0"), Map.of());
	}

	/**
	 * A producer of events that waits at most {@code maxBlock} for a topic's metadata (to
	 * an address where no broker listens, it then gives up).
	 */
	private static KafkaTemplate<Object, Object> template(String bootstrapServers, Duration maxBlock) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis(), ProducerConfig.ACKS_CONFIG, "all");
		DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config);
		factory.setKeySerializer(serializer(new StringSerializer()));
		factory.setValueSerializer(serializer(new ComplaintEventSerializer()));
		return new KafkaTemplate<>(factory);
	}

	private static void close(KafkaTemplate<Object, Object> template) {
		((DefaultKafkaProducerFactory<Object, Object>) template.getProducerFactory()).destroy();
	}

	@SuppressWarnings("unchecked")
	private static org.apache.kafka.common.serialization.Serializer<Object> serializer(
			org.apache.kafka.common.serialization.Serializer<?> serializer) {
		return (org.apache.kafka.common.serialization.Serializer<Object>) serializer;
	}

	/** A local address nothing listens on. */
	private static String closedPort() {
		return "127.0.0.1:" + TestInfrastructure.closedPort();
	}

}
