package com.complaintflow.support.test;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real images (apache/kafka, mongo 8) for a service's tests against real servers: a
 * test class extends it and adds its {@code @SpringBootTest}; it runs where Docker exists
 * and is skipped cleanly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
@ActiveProfiles("local")
public abstract class RealServers {

	@Container
	protected static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@Container
	protected static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
		registry.add("spring.mongodb.uri", () -> mongo.getConnectionString() + "/complaintflow");
	}

}
