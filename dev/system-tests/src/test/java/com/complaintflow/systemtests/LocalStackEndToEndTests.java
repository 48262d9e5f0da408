package com.complaintflow.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.complaintflow.localstack.LocalStack;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.hostile.HostileConsole;
import com.complaintflow.systemtests.hostile.HostileInput;
import com.complaintflow.systemtests.hostile.PoisonRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default exactly as the README's run command starts it
 * ({@link SharedStack}), with complaints flowing end to end over HTTP, and the
 * hostile-input suite against every endpoint and topic ({@code -Dhostile.requests=N},
 * default every attack on every endpoint twice, about 2,100;
 * {@code bench/hostile-input.sh} runs it alone, with 10,000) and the console's pages and
 * forms in a signed-in session. The first complaint's records share one trace id on every
 * topic, its reminder included; the metrics lint runs last, when every service has
 * counted something.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTests {

	static LocalStack stack;

	@BeforeAll
	static void stack(LocalStack shared) {
		stack = shared;
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
	@Order(2)
	void latencyHistogramsCarryTraceExemplars() {
		MetricsLint metrics = new MetricsLint(stack.services());
		metrics.assertTraceExemplars(Service.INTAKE, "complaints_intake_publish_seconds");
		metrics.assertTraceExemplars(Service.TRIAGE, "triage_decision_duration_seconds");
		metrics.assertTraceExemplars(Service.INTAKE, "http_server_requests_seconds");
	}

	@Test
	void infoAndSbomDescribeTheBuildForOperationsOnly() {
		new BuildDescription(stack.services()).assertInfoAndSbom();
	}

	@Test
	void erasureLeavesNoPersonalValueOfTheCustomerInAnyCollectionOfAnyService() {
		new EndToEndScenario(stack.services()).erasureLeavesNoPersonalValueOfTheCustomerAnywhere(stack.mongoUri());
	}

	@Test
	void aCorrectionReachesTheTrainingInputAndAnalyticsCorrectionRate(@TempDir Path dir) throws IOException {
		new EndToEndScenario(stack.services()).aCorrectionReachesTheTrainingInputAndTheCorrectionRate(dir);
	}

	@Test
	void hostileRequestsNeverCauseA5xxAndEveryErrorIsAProblemDetail() throws InterruptedException {
		HostileInput suite = new HostileInput(stack.services()).attackHttp(Integer.getInteger("hostile.requests", 0));
		System.out.print(suite.report());
		assertThat(suite.sent()).isEqualTo(suite.planned()).isGreaterThan(1_000);
		assertThat(suite.failures()).as(suite.report()).isEmpty();
	}

	@Test
	void hostileConsoleInputNeverCausesA5xxAndEveryErrorIsAProblemDetail() throws Exception {
		HostileConsole suite = new HostileConsole(stack.services()).attack();
		System.out.print(suite.report());
		assertThat(suite.sent()).isGreaterThan(300);
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
	void brokerAndDatabaseKeepTheirDataUnderTheDataDirectory(SharedStack.Running running) {
		Path data = running.data();
		assertThat(data.resolve("kafka/log/meta.properties")).exists();
		assertThat(data.resolve("mongo")).isDirectory();
	}

}
