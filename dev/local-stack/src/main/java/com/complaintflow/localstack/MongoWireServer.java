package com.complaintflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server with the {@code _id}
 * lookup of {@link WireServerBackends}); with a data directory it keeps its data in an H2
 * file, so it survives a restart, otherwise in memory.
 */
public final class MongoWireServer implements AutoCloseable {

	private static final int EVENT_LOOPS = 32;

	/** Commands slower than this are logged (as mongod's slow query log does). */
	private static final long SLOW_MILLIS = 200;

	private final MongoServer server;

	private InetSocketAddress address;

	private MongoWireServer(MongoBackend backend) {
		this.server = new MongoServer(backend);
	}

	/** A server that persists to {@code directory/mongo.mv.db}. */
	public static MongoWireServer persistent(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new MongoWireServer(WireServerBackends
			.withSlowCommandLog(WireServerBackends.h2File(directory.resolve("mongo.mv").toString()), SLOW_MILLIS));
	}

	/** A server that keeps everything in memory. */
	public static MongoWireServer inMemory() {
		return new MongoWireServer(WireServerBackends.inMemory());
	}

	/**
	 * Binds and serves.
	 * @param port the port on localhost, or 0 for any free port
	 * @return this server
	 */
	public MongoWireServer start(int port) {
		// One event loop per connection or so: the wire server answers each request on
		// the
		// connection's event loop, so a long scan would stall every connection sharing it
		// (netty's default is two loops per core).
		this.server.bind(new InetSocketAddress("localhost", port), 1, EVENT_LOOPS);
		this.address = this.server.getLocalAddress();
		return this;
	}

	/** The connection string of this server, without a database. */
	public String uri() {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort();
	}

	@Override
	public void close() {
		this.server.shutdownNow();
	}

}
