package com.complaintflow.intake.submission;

import java.time.Duration;
import java.util.List;

import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * Finds the records of one complaint on complaints.received.
 */
final class ReceivedRecords {

	private ReceivedRecords() {
	}

	static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> records, String complaintId) {
		return records.stream()
			.filter((record) -> complaintId.equals(IntakeHttp.json(record.value()).path("complaintId").asString()))
			.toList();
	}

	static ConsumerRecord<String, byte[]> awaitFirst(KafkaTestConsumer consumer, String complaintId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> of(consumer.poll(), complaintId), (found) -> !found.isEmpty())
			.get(0);
	}

}
