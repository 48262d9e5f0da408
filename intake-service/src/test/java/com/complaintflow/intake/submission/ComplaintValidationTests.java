package com.complaintflow.intake.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.complaintflow.events.Topics;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import com.complaintflow.intake.SampleComplaints;
import com.complaintflow.support.test.KafkaTestConsumer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input is always a 4xx with problem details, never a 5xx or a stack trace, and never
 * echoes or logs personal data.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComplaintValidationTests extends IntakeIntegrationTest {

	private static KafkaTestConsumer received;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void subscribe() {
		received = new KafkaTestConsumer(Topics.RECEIVED);
	}

	@AfterAll
	static void close() {
		received.close();
	}

	@Test
	void missingRequiredFieldsAreListedFieldByField() {
		HttpResponse<String> response = post("""
				{"customer":{"name":"x"},"location":{},"description":"   "}
				""");

		JsonNode problem = assertProblem(response, 400);
		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.contains("customer.id", "customer.tier", "location.regionCode", "description");
	}

	@Test
	void wrongEnumValueNamesTheFieldAndTheAllowedValues() {
		HttpResponse<String> response = post(SampleComplaints.broadband("C-4001").replace("\"GOLD\"", "\"DIAMOND\""));

		JsonNode problem = assertProblem(response, 400);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("customer.tier");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("GOLD");
	}

	@Test
	void operatorLikeFieldNamesAreRejected() {
		JsonNode dollar = assertProblem(post("""
				{"customer":{"id":"C-4002","tier":"GOLD","$where":"1"},"location":{"regionCode":"BJ"},"description":"x"}
				"""), 400);
		JsonNode dotted = assertProblem(post("""
				{"customer":{"id":"C-4002","tier":"GOLD"},"location":{"regionCode":"BJ","a.b":1},"description":"x"}
				"""), 400);

		assertThat(dollar.path("errors").get(0).path("field").asString()).isEqualTo("customer.$where");
		assertThat(dollar.path("errors").get(0).path("message").asString()).contains("'$'");
		assertThat(dotted.path("errors").get(0).path("field").asString()).isEqualTo("location.a.b");
	}

	@Test
	void operatorObjectInsteadOfAValueIsRejected() {
		assertProblem(post("""
				{"customer":{"id":{"$ne":null},"tier":"GOLD"},"location":{"regionCode":"BJ"},"description":"x"}
				"""), 400);
	}

	@Test
	void unknownFieldsAreRejectedSoTheChannelCannotBeSetFromTheBody() {
		JsonNode problem = assertProblem(post(
				SampleComplaints.broadband("C-4003").replace("{\"customer\"", "{\"channel\":\"APP\",\"customer\"")),
				400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("channel");
	}

	@Test
	void duplicateFieldsAndTrailingGarbageAreRejected() {
		assertProblem(
				post("""
						{"customer":{"id":"C-4004","tier":"GOLD"},"location":{"regionCode":"BJ"},"description":"a","description":"b"}
						"""),
				400);
		assertProblem(post(SampleComplaints.minimal("C-4004", "x") + "{}"), 400);
	}

	@Test
	void malformedOrNonObjectJsonIsA400() {
		assertProblem(post("{\"customer\":"), 400);
		assertProblem(post("[1,2,3]"), 400);
		assertProblem(post(""), 400);
		assertProblem(post("null"), 400);
	}

	@Test
	void aBodyBrokenOffInItsFramingIsA400NotAnUnexpectedError(CapturedOutput output) throws IOException {
		double serverErrors = rejected("server_error");
		double invalid = rejected("invalid");

		String badChunk = sendBroken("Transfer-Encoding: chunked", "5\r\n{\"a\":\r\nZZ\r\n");
		// fewer bytes than Content-Length, then the client stops sending
		String cutShort = sendBroken("Content-Length: 100", "{\"a\":");

		for (String answer : new String[] { badChunk, cutShort }) {
			assertThat(answer).startsWith("HTTP/1.1 400 ")
				.containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"status\":400")
				.doesNotContain("Exception");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> rejected("invalid") >= invalid + 2);
		assertThat(rejected("server_error")).isEqualTo(serverErrors);
		assertThat(output.getAll()).doesNotContain("Unexpected error");
	}

	@Test
	void invalidUtf8IsA400() {
		byte[] body = SampleComplaints.minimal("C-4005", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);

		assertProblem(http().submit(IntakeHttp.HOTLINE_KEY, null, "application/json", body), 400);
	}

	@Test
	void aDescriptionOfOnlyInvisibleCharactersIsRejectedWithTheField() {
		for (String invisible : new String[] { "\\u00A0\\u2060", "\\u3164", "\\u200C\\u200D\\u00AD\\u2007\\u202F" }) {
			JsonNode problem = assertProblem(post(SampleComplaints.minimal("C-4022", invisible)), 400);

			assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("description");
			assertThat(problem.path("errors").get(0).path("message").asString())
				.isEqualTo("must contain a letter, digit or symbol");
		}
	}

	@Test
	void tooLongTextIsRejectedWithTheField() {
		JsonNode problem = assertProblem(post(SampleComplaints.minimal("C-4006", "x".repeat(20001))), 400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("description");
	}

	@Test
	void aLetterAtTheLimitIsAcceptedWholeInEitherScript() {
		// A complaint a regulator forwards runs to 16,000 characters (the FCC set's
		// longest). At the limit, even in Chinese (three bytes a character), it fits the
		// body limit.
		String[][] letters = { { "C-4020", "My bill is wrong again!!!" }, { "C-4021", "账单错了！" } };
		for (String[] letter : letters) {
			String description = letter[1].repeat(20000 / letter[1].length());

			HttpResponse<String> response = post(SampleComplaints.minimal(letter[0], description));

			assertThat(response.statusCode()).isEqualTo(202);
			String complaintId = IntakeHttp.json(response.body()).path("complaintId").asString();
			JsonNode event = IntakeHttp.json(ReceivedRecords.awaitFirst(received, complaintId).value());
			assertThat(event.path("description").asString()).hasSize(20000).isEqualTo(description);
		}
	}

	@Test
	void bodiesOver64KiBAre413() {
		String huge = SampleComplaints.minimal("C-4007", "x".repeat(70 * 1024));

		assertProblem(post(huge), 413);
	}

	@Test
	void otherContentTypesAndCharsetsAre415() {
		byte[] body = SampleComplaints.minimal("C-4008", "x").getBytes(StandardCharsets.UTF_8);

		assertProblem(http().submit(IntakeHttp.HOTLINE_KEY, null, "text/plain", body), 415);
		assertProblem(http().submit(IntakeHttp.HOTLINE_KEY, null, "application/json;charset=ISO-8859-1", body), 415);
		assertThat(http().submit(IntakeHttp.HOTLINE_KEY, null, "application/json;charset=UTF-8", body).statusCode())
			.isEqualTo(202);
	}

	@Test
	void unknownCharsetsAndMissingContentTypesAre4xx() {
		byte[] body = SampleComplaints.minimal("C-4013", "x").getBytes(StandardCharsets.UTF_8);

		assertThat(http().submit(IntakeHttp.HOTLINE_KEY, null, "application/json;charset=no-such-charset", body)
			.statusCode()).isBetween(400, 499);
		assertThat(http().submit(IntakeHttp.HOTLINE_KEY, null, "nonsense", body).statusCode()).isBetween(400, 499);
	}

	@Test
	void deepNestingHugeNumbersAndWrongTypesAre400() {
		assertProblem(post("{\"customer\":" + "[".repeat(50) + "]".repeat(50) + "}"), 400);
		assertProblem(post(SampleComplaints.minimal("C-4014", "x")
			.replace("{\"customer\"", "{\"disputedAmount\":1" + "0".repeat(100) + ",\"customer\"")), 400);
		JsonNode problem = assertProblem(
				post(SampleComplaints.broadband("C-4014").replace("\"2026-11-22T07:30:00Z\"", "\"yesterday\"")), 400);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("occurredAt");
		assertProblem(post(
				SampleComplaints.broadband("C-4014").replace("\"repeatedContact\":true", "\"repeatedContact\":null")),
				400);
	}

	@Test
	void anAmountWhoseExponentOverflowsTheDigitCountIsStillRefused() {
		// 1E2147483647 has one digit and a scale of -2147483647: counted as precision
		// minus scale, its integer digits overflow an int and look negative
		JsonNode disputed = assertProblem(post(SampleComplaints.broadband("C-4020")
			.replace("\"disputedAmount\":null", "\"disputedAmount\":1E2147483647")), 400);
		JsonNode remedy = assertProblem(
				post(SampleComplaints.broadband("C-4020").replace("\"amount\":null", "\"amount\":1E2147483647")), 400);

		assertThat(disputed.path("errors").get(0).path("field").asString()).isEqualTo("disputedAmount");
		assertThat(remedy.path("errors").get(0).path("field").asString()).isEqualTo("expectedRemedy.amount");
		assertThat(post(SampleComplaints.broadband("C-4021")
			.replace("\"disputedAmount\":null", "\"disputedAmount\":999999999999.99")).statusCode()).isEqualTo(202);
	}

	@Test
	void instantsWithoutAFourDigitYearAreRejectedWithTheField() {
		String broadband = SampleComplaints.broadband("C-4015");
		JsonNode occurred = assertProblem(
				post(broadband.replace("\"2026-11-22T07:30:00Z\"", "\"+300000000-01-01T00:00:00Z\"")), 400);
		JsonNode deadline = assertProblem(post(SampleComplaints.minimal("C-4015", "x")
			.replace("{\"customer\"",
					"{\"expectedRemedy\":{\"kind\":\"FIX\",\"deadline\":\"+10000-01-01T00:00:00Z\"},\"customer\"")),
				400);

		assertThat(occurred.path("errors").get(0).path("field").asString()).isEqualTo("occurredAt");
		assertThat(deadline.path("errors").get(0).path("field").asString()).isEqualTo("expectedRemedy.deadline");
		assertThat(post(broadband.replace("\"2026-11-22T07:30:00Z\"", "\"9999-12-31T23:59:59Z\"")).statusCode())
			.isEqualTo(202);
	}

	@Test
	void invalidIdempotencyKeyIsA400() {
		assertProblem(http().submit(IntakeHttp.HOTLINE_KEY, "x".repeat(300), SampleComplaints.minimal("C-4009", "x")),
				400);
	}

	@Test
	void negativeAmountsAndBadPhonesAreRejected() {
		JsonNode problem = assertProblem(post(SampleComplaints.broadband("C-4010")
			.replace("\"disputedAmount\":null", "\"disputedAmount\":-5")
			.replace(SampleComplaints.PHONE, "call me maybe")), 400);

		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.contains("disputedAmount", "customer.phone");
		assertThat(problem.toString()).doesNotContain("call me maybe");
	}

	@Test
	void phonesAreAcceptedInTheirUsualWritingsAndAnEmptyOneIsNone() {
		for (String phone : new String[] { "(010) 6552-1234", "+86 138-0013-8000", "112", "" }) {
			HttpResponse<String> response = post(
					SampleComplaints.broadband("C-4019").replace(SampleComplaints.PHONE, phone));

			assertThat(response.statusCode()).as(phone).isEqualTo(202);
			String complaintId = IntakeHttp.json(response.body()).path("complaintId").asString();
			JsonNode event = IntakeHttp.json(ReceivedRecords.awaitFirst(received, complaintId).value());
			if (phone.isEmpty()) {
				assertThat(event.path("customer").path("phone").isMissingNode()
						|| event.path("customer").path("phone").isNull())
					.as("an empty phone is none")
					.isTrue();
			}
			else {
				assertThat(event.path("customer").path("phone").asString()).isEqualTo(phone);
			}
		}
		for (String phone : new String[] { "12", "+12", "(-)", "+", "12345678901234567890123456789012345" }) {
			assertProblem(post(SampleComplaints.broadband("C-4019").replace(SampleComplaints.PHONE, phone)), 400);
		}
	}

	@Test
	void controlCharactersAreStrippedFromText() {
		HttpResponse<String> response = post(
				SampleComplaints.minimal("C-4011", "Line\\u0000 one\\r\\nline\\u0007 two\\u202E"));

		assertThat(response.statusCode()).isEqualTo(202);
		String complaintId = IntakeHttp.json(response.body()).path("complaintId").asString();
		JsonNode event = IntakeHttp.json(ReceivedRecords.awaitFirst(received, complaintId).value());
		assertThat(event.path("description").asString()).isEqualTo("Line one\nline two");
	}

	@Test
	void personalDataNeverReachesTheLogs(CapturedOutput output) {
		assertThat(post(SampleComplaints.broadband("C-4012")).statusCode()).isEqualTo(202);
		assertProblem(post(SampleComplaints.broadband("C-4012").replace("\"GOLD\"", "\"NOPE\"")), 400);
		assertThat(http()
			.submit(IntakeHttp.HOTLINE_KEY, UUID.randomUUID().toString(), SampleComplaints.broadband("C-4012"))
			.statusCode()).isEqualTo(202);

		assertThat(output.getAll()).doesNotContain(SampleComplaints.PHONE).doesNotContain(SampleComplaints.NAME);
	}

	/**
	 * Posts a body exactly as written, with the given framing header, stops sending and
	 * reads the whole answer.
	 */
	private String sendBroken(String framing, String body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			String head = "POST /api/v1/complaints HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + "X-Api-Key: "
					+ IntakeHttp.HOTLINE_KEY + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write((head + body).getBytes(StandardCharsets.UTF_8));
			out.flush();
			socket.shutdownOutput();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private double rejected(String reason) {
		return this.meters.find("complaints.intake.rejected")
			.tag("channel", "HOTLINE")
			.tag("reason", reason)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private HttpResponse<String> post(String body) {
		return http().submit(IntakeHttp.HOTLINE_KEY, null, body);
	}

	static JsonNode assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = IntakeHttp.json(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		return problem;
	}

}
