package com.complaintflow.followup.bench;

import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The benchmark's infrastructure in its own JVM, so the service's heap is measured alone:
 * a real Kafka broker (KRaft) and the MongoDB wire server with its memory backend. Prints
 * one line {@code READY <bootstrap> <mongo host:port>} and runs until killed.
 */
public final class BenchInfrastructure {

	private BenchInfrastructure() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.afterPropertiesSet();
		MongoServer mongo = new MongoServer(new MemoryBackend());
		java.net.InetSocketAddress address = mongo.bind();
		System.out
			.println("READY " + broker.getBrokersAsString() + " " + address.getHostString() + ":" + address.getPort());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
