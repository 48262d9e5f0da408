package com.complaintflow.systemtests;

import java.io.IOException;
import java.nio.file.Path;

import com.complaintflow.localstack.LocalStack;
import com.complaintflow.systemtests.hostile.HostileInput;
import com.complaintflow.systemtests.hostile.PoisonRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default exactly as the README's run command starts it
 * ({@link SharedStack}), with complaints flowing end to end over HTTP, and the
 * hostile-input suite against every endpoint and topic ({@code -Dhostile.requests=N},
 * default 10,000; {@code bench/hostile-input.sh} runs it alone).
 */
@ExtendWith(SharedStack.class)
class LocalStackEndToEndTests {

	static LocalStack stack;

	@BeforeAll
	static void stack(LocalStack shared) {
		stack = shared;
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
	void brokerAndDatabaseKeepTheirDataUnderTheDataDirectory(SharedStack.Running running) {
		Path data = running.data();
		assertThat(data.resolve("kafka/log/meta.properties")).exists();
		assertThat(data.resolve("mongo")).isDirectory();
	}

}
