package com.complaintflow.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import com.complaintflow.localstack.LocalStack;
import com.complaintflow.systemtests.hostile.HostileInput;
import com.complaintflow.systemtests.hostile.PoisonRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default exactly as the README's run command starts it (broker as a child
 * JVM, MongoDB wire server with H2 files, four services), with complaints flowing end to
 * end over HTTP, and the hostile-input suite against every endpoint and topic
 * ({@code -Dhostile.requests=N}, default 10,000; {@code bench/hostile-input.sh} runs it
 * alone).
 */
class LocalStackEndToEndTests {

	@TempDir
	static Path data;

	static LocalStack stack;

	@BeforeAll
	static void startStack() throws IOException {
		stack = LocalStack.start(data, freePortPair(), 0, true, List.of());
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void complaintsFlowThroughAllFourServicesAndAreCountedOnce() {
		new EndToEndScenario(stack.services()).everyComplaintIsTriagedOpenedAndCountedOnce(12);
	}

	@Test
	void aCorrectionReachesTheTrainingInputAndAnalyticsCorrectionRate(@TempDir Path dir) throws IOException {
		new EndToEndScenario(stack.services()).aCorrectionReachesTheTrainingInputAndTheCorrectionRate(dir);
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
