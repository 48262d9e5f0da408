package com.complaintflow.intake.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.complaintflow.events.Topics;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import com.complaintflow.intake.SampleComplaints;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint posted over HTTP is on complaints.received, with the channel of its API
 * key, when the 202 arrives (real broker, real MongoDB wire server).
 */
class ComplaintSubmissionTests extends IntakeIntegrationTest {

	private static KafkaTestConsumer received;

	@BeforeAll
	static void subscribe() {
		received = new KafkaTestConsumer(Topics.RECEIVED);
	}

	@AfterAll
	static void close() {
		received.close();
	}

	@Test
	void acceptedComplaintIsOnTheTopicWithTheChannelOfTheKey() {
		IntakeHttp http = http();

		HttpResponse<String> response = http.submit(IntakeHttp.STORE_KEY, null, SampleComplaints.broadband("C-1001"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode answer = IntakeHttp.json(response.body());
		String complaintId = answer.path("complaintId").asString();
		assertThat(answer.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(answer.path("statusUrl").asString()).isEqualTo("/api/v1/complaints/" + complaintId);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/complaints/" + complaintId);
		ConsumerRecord<String, byte[]> record = awaitRecord(complaintId);
		assertThat(record.key()).isEqualTo("C-1001");
		assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.isEqualTo("complaint-received");
		JsonNode event = IntakeHttp.json(record.value());
		assertThat(event.path("channel").asString()).isEqualTo("STORE");
		assertThat(event.path("customer").path("tier").asString()).isEqualTo("GOLD");
		assertThat(event.path("location").path("regionCode").asString()).isEqualTo("BJ-CY");
		assertThat(event.path("expectedRemedy").path("kind").asString()).isEqualTo("FIX");
		assertThat(event.path("emotionCues").path("repeatedContact").asBoolean()).isTrue();
		assertThat(event.path("language").asString()).isEqualTo("en");
	}

	@Test
	void languageIsDetectedWhenAbsentForSimplifiedAndTraditionalChinese() {
		IntakeHttp http = http();

		String simplified = IntakeHttp
			.json(http.submit(IntakeHttp.APP_KEY, null, SampleComplaints.minimal("C-2001", "宽带每隔十五分钟就断一次")).body())
			.path("complaintId")
			.asString();
		String traditional = IntakeHttp
			.json(http.submit(IntakeHttp.APP_KEY, null, SampleComplaints.minimal("C-2002", "寬頻每隔十五分鐘就斷線一次")).body())
			.path("complaintId")
			.asString();
		String english = IntakeHttp
			.json(http.submit(IntakeHttp.APP_KEY, null, SampleComplaints.minimal("C-2003", "My bill is wrong")).body())
			.path("complaintId")
			.asString();

		assertThat(IntakeHttp.json(awaitRecord(simplified).value()).path("language").asString()).isEqualTo("zh");
		assertThat(IntakeHttp.json(awaitRecord(traditional).value()).path("language").asString()).isEqualTo("zh");
		assertThat(IntakeHttp.json(awaitRecord(english).value()).path("language").asString()).isEqualTo("en");
		assertThat(IntakeHttp.json(awaitRecord(english).value()).path("emotionCues").path("raisedVoice").asBoolean())
			.isFalse();
	}

	static ConsumerRecord<String, byte[]> awaitRecord(String complaintId) {
		return ReceivedRecords.awaitFirst(received, complaintId);
	}

}
