package com.complaintflow.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the MongoDB wire server (H2 files) as its own process, for the multi-process
 * stack: arguments are the data directory and the port.
 */
public final class MongoWireServerMain {

	private MongoWireServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		MongoWireServer server = MongoWireServer.persistent(Path.of(args[0])).start(Integer.parseInt(args[1]));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}));
		System.out.println("MongoDB wire server listening at " + server.uri());
		stopped.await();
	}

}
