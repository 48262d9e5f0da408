package com.complaintflow.systemtests;

import java.util.List;

import com.complaintflow.localstack.RunningServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same end-to-end scenario against the real images (apache/kafka, mongo 8); runs
 * where Docker exists and is skipped cleanly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTests {

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	static RunningServices services;

	@BeforeAll
	static void startServices() {
		services = RunningServices.start(kafka.getBootstrapServers(), mongo.getConnectionString(), true,
				List.of("local"), List.of());
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void complaintsFlowThroughAllFourServicesAndAreCountedOnce() {
		new EndToEndScenario(services).everyComplaintIsTriagedOpenedAndCountedOnce(12);
	}

	@Test
	void erasureLeavesNoPersonalValueOfTheCustomerInAnyCollectionOfAnyService() {
		new EndToEndScenario(services).erasureLeavesNoPersonalValueOfTheCustomerAnywhere(mongo.getConnectionString());
	}

}
