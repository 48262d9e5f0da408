package com.complaintflow.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.complaintflow.localstack.LocalStack;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.hostile.HostileInput;
import com.complaintflow.systemtests.hostile.PoisonRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default exactly as the README's run command starts it (broker as a child
 * JVM, MongoDB wire server with H2 files, four services), with complaints flowing end to
 * end over HTTP, and the hostile-input suite against every endpoint and topic
 * ({@code -Dhostile.requests=N}, default 10,000; {@code bench/hostile-input.sh} runs it
 * alone). The first complaint's records share one trace id on every topic, its reminder
 * included. The metrics lint runs last, when every service has counted something.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTests {

	@TempDir
	static Path data;

	static LocalStack stack;

	@BeforeAll
	static void startStack() throws IOException {
		// The first warning of a first response falls a second or a few after triage, so
		// that a reminder of
		// the complaints posted here is raised while the test waits (the bundled policy
		// warns at half the window).
		stack = LocalStack.start(data, freePortPair(), 0, true,
				List.of("complaintflow.followup.milestones.policies.FIRST_RESPONSE.warn-at=0.0001,0.5,0.8"));
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void complaintsFlowThroughAllFourServicesAndAreCountedOnce() {
		List<String> complaints = new EndToEndScenario(stack.services())
			.everyComplaintIsTriagedOpenedAndCountedOnce(12);
		new OneTracePerComplaint(stack.broker().bootstrapServers()).assertOneTrace(complaints.get(0),
				Duration.ofSeconds(60));
	}

	@Test
	void infoAndSbomDescribeTheBuildForOperationsOnly() {
		new BuildDescription(stack.services()).assertInfoAndSbom();
	}

	@Test
	void hostileRequestsNeverCauseA5xxAndEveryErrorIsAProblemDetail() throws InterruptedException {
		int requests = Integer.getInteger("hostile.requests", 10_000);
		HostileInput suite = new HostileInput(stack.services()).attackHttp(requests);
		System.out.print(suite.report());
		assertThat(suite.sent()).isEqualTo(requests);
		assertThat(suite.failures()).as(suite.report()).isEmpty();
	}

	@Test
	void poisonRecordsOnEveryTopicAreDeadLetteredAndTheRecordsBehindThemProcessed() throws InterruptedException {
		PoisonRecords.Result result = new PoisonRecords(stack.broker().bootstrapServers(), stack.services()).run();
		assertThat(result.passed()).as(result.toString()).isTrue();
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyOwnMetricHasHelpTextAndBaseUnitsByPromtool() {
		new MetricsLint(stack.services()).assertOwnFamiliesClean();
	}

	@Test
	@Order(2)
	void latencyHistogramsCarryTraceExemplars() {
		MetricsLint metrics = new MetricsLint(stack.services());
		metrics.assertTraceExemplars(Service.INTAKE, "complaints_intake_publish_seconds");
		metrics.assertTraceExemplars(Service.TRIAGE, "triage_decision_duration_seconds");
		metrics.assertTraceExemplars(Service.INTAKE, "http_server_requests_seconds");
	}

	@Test
	void brokerAndDatabaseKeepTheirDataUnderTheDataDirectory() {
		assertThat(data.resolve("kafka/log/meta.properties")).exists();
		assertThat(data.resolve("mongo")).isDirectory();
	}

	private static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			try (ServerSocket next = new ServerSocket(port + 1)) {
				return port;
			}
			catch (IOException ex) {
				// the controller port is taken; try another pair
			}
		}
		throw new IOException("No two adjacent free ports found");
	}

}
