package com.complaintflow.followup.bench;

import java.util.concurrent.CountDownLatch;

import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoServer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The benchmark's infrastructure in its own JVM, so the service's heap is measured alone:
 * a real Kafka broker (KRaft) and the MongoDB wire server (memory backend, with the
 * {@code _id} lookup). Prints one line {@code READY <bootstrap> <mongo host:port>} and
 * runs until killed.
 */
public final class BenchInfrastructure {

	private BenchInfrastructure() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.afterPropertiesSet();
		// FOLLOWUP_BENCH_BACKEND=plain: mongo-java-server's own memory backend, whose _id
		// index answers only a query on _id alone (shows what the service needs without
		// the
		// _id lookup extension)
		MongoServer mongo = new MongoServer("plain".equals(System.getenv("FOLLOWUP_BENCH_BACKEND"))
				? new de.bwaldvogel.mongo.backend.memory.MemoryBackend() : WireServerBackends.inMemory());
		java.net.InetSocketAddress address = mongo.bind();
		System.out
			.println("READY " + broker.getBrokersAsString() + " " + address.getHostString() + ":" + address.getPort());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
