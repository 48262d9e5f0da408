package com.complaintflow.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.complaintflow.events.kafka.ComplaintEventSerializer;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official CloudEvents SDK ({@code cloudevents-kafka}) reads every event type the
 * project publishes, exactly as the serializer puts it on a Kafka record: a CloudEvents
 * 1.0 event in binary mode with the event's id, logical type, source, time, subject and
 * JSON data.
 */
class CloudEventsConformanceTests {

	static List<ComplaintEvent> samples() {
		return SampleEvents.all();
	}

	@ParameterizedTest
	@MethodSource("samples")
	void officialSdkDecodesTheRecordAsACloudEvent(ComplaintEvent event) {
		EventType type = EventType.of(event);
		RecordHeaders headers = new RecordHeaders();
		byte[] value = new ComplaintEventSerializer().serialize(type.topic(), headers, event);
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(type.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME,
				0, value.length, event.customerId(), value, headers, java.util.Optional.empty());

		CloudEvent cloudEvent = KafkaMessageFactory.createReader(record).toEvent();

		assertThat(cloudEvent.getSpecVersion()).isEqualTo(SpecVersion.V1);
		assertThat(cloudEvent.getId()).isEqualTo(event.eventId().toString());
		assertThat(cloudEvent.getType()).isEqualTo(type.typeName());
		assertThat(cloudEvent.getSource()).isEqualTo(URI.create(event.source()));
		assertThat(cloudEvent.getTime()).isEqualTo(OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
		assertThat(cloudEvent.getSubject()).isEqualTo(event.complaintId());
		assertThat(cloudEvent.getDataContentType()).isEqualTo("application/json");
		assertThat(cloudEvent.getData().toBytes()).isEqualTo(value);
	}

}
