package com.complaintflow.followup.oncall;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Deadlines;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paging against a real Alertmanager pair (Debian's {@code prometheus-alertmanager}): a
 * breach pages both members, even the one that came up late; it stays firing for longer
 * than any single post's {@code endsAt} because it is renewed; it resolves on both once
 * the milestone is met. Each post's {@code endsAt} is 8 s ahead and renewals come every
 * second, each taking at most a second per receiver: a stall of several seconds (a
 * collection, a loaded machine) leaves the alert firing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "complaintflow.followup.oncall.poll-interval=200ms",
				"complaintflow.followup.oncall.initial-backoff=200ms", "complaintflow.followup.oncall.max-backoff=1s",
				"complaintflow.followup.oncall.request-timeout=1s", "complaintflow.followup.oncall.renew-interval=1s",
				"complaintflow.followup.oncall.firing-for=8s" })
@ActiveProfiles("local")
@DirtiesContext
@EnabledIf(value = "installed", disabledReason = "prometheus-alertmanager is not installed (.ci/run installs it)")
class AlertmanagerPagingTests {

	private static final String BINARY = "/usr/bin/prometheus-alertmanager";

	// each port is held until its Alertmanager starts: the second starts minutes later,
	// and a port merely found free then was taken meanwhile (bind: address already in
	// use)
	private static final ServerSocket FIRST = reserve();

	private static final ServerSocket SECOND = reserve();

	private static final int FIRST_PORT = FIRST.getLocalPort();

	private static final int SECOND_PORT = SECOND.getLocalPort();

	private static final List<Process> processes = new ArrayList<>();

	private static final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("complaintflow.followup.oncall.webhook-urls",
				() -> alertsUrl(FIRST_PORT) + "," + alertsUrl(SECOND_PORT));
		start(FIRST);
	}

	static boolean installed() {
		return Files.isExecutable(Path.of(BINARY));
	}

	@AfterAll
	static void stop() throws IOException {
		processes.forEach(Process::destroy);
		FIRST.close();
		SECOND.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	@Test
	void aBreachPagesBothMembersStaysFiringPastEachPostsEndsAtAndResolvesWhenMet() {
		// Given a case whose first response is due in two seconds, and the second
		// Alertmanager still down
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = Instant.now();
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now,
				new Deadlines(now.plusSeconds(2), null, null, null, Duration.ofHours(24)), null));
		String caseId = CaseOpening.caseIdFor(complaintId);

		// When the breach fires, the first member pages at once (generous limits: the
		// case is opened through the broker and its consumer group's first assignment)
		await().atMost(Duration.ofSeconds(90)).until(() -> breachFiring(FIRST_PORT, caseId));
		// and the second gets it when it comes up
		start(SECOND);
		await().atMost(Duration.ofSeconds(90)).until(() -> breachFiring(SECOND_PORT, caseId));

		// Then it stays firing for twice the endsAt of any single post (8 s)
		await().during(Duration.ofSeconds(16))
			.atMost(Duration.ofSeconds(20))
			.until(() -> breachFiring(FIRST_PORT, caseId) && breachFiring(SECOND_PORT, caseId));

		// And once the customer is contacted, both resolve it
		assertThat(new StaffClient(this.port, "agent", "agent-dev")
			.post("/api/v1/cases/" + caseId + "/contact", null, "{}")
			.code()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !breachFiring(FIRST_PORT, caseId) && !breachFiring(SECOND_PORT, caseId));
	}

	private static boolean breachFiring(int port, String caseId) throws IOException, InterruptedException {
		String filter = URLEncoder.encode("caseId=\"" + caseId + "\"", StandardCharsets.UTF_8);
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts?filter=" + filter))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return false;
		}
		for (JsonNode alert : EventJson.mapper().readTree(response.body())) {
			if ("ComplaintMilestoneBreach".equals(alert.path("labels").path("alertname").asString())
					&& "active".equals(alert.path("status").path("state").asString())) {
				return true;
			}
		}
		return false;
	}

	private static void start(ServerSocket reserved) {
		int port = reserved.getLocalPort();
		try {
			Path dir = Files.createDirectories(Path.of("target", "alertmanager-" + port));
			Path config = dir.resolve("alertmanager.yml");
			Files.writeString(config, "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
			reserved.close();
			Process process = new ProcessBuilder(BINARY, "--config.file=" + config,
					"--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
					"--cluster.listen-address=")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("alertmanager.log").toFile())
				.start();
			processes.add(process);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String alertsUrl(int port) {
		return "http://127.0.0.1:" + port + "/api/v2/alerts";
	}

	private static ServerSocket reserve() {
		try {
			return new ServerSocket(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
