package com.complaintflow.wireserver;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongod's slow query log for the wire server: a command slower than the threshold is
 * logged with its database, collection and the shape of its filter (field names and
 * operators, never values, so no personal data), once per shape and then every 100th
 * time. Everything else is delegated unchanged.
 */
final class SlowCommandLog implements MongoBackend {

	private static final Logger log = LoggerFactory.getLogger(SlowCommandLog.class);

	private static final List<String> FILTER_FIELDS = List.of("filter", "query", "q");

	private final MongoBackend delegate;

	private final long thresholdNanos;

	private final ShapeCounts seen = new ShapeCounts(100);

	SlowCommandLog(MongoBackend delegate, long thresholdMillis) {
		this.delegate = delegate;
		this.thresholdNanos = thresholdMillis * 1_000_000;
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		long started = System.nanoTime();
		try {
			return this.delegate.handleMessage(message);
		}
		finally {
			long took = System.nanoTime() - started;
			if (took > this.thresholdNanos) {
				report(message, took / 1_000_000);
			}
		}
	}

	private void report(MongoMessage message, long millis) {
		Document command = message.getDocument();
		String name = command.keySet().iterator().next();
		String shape = message.getDatabaseName() + "." + command.get(name) + " " + name + " " + shape(command);
		long count = this.seen.seenToLog(shape);
		if (count > 0) {
			log.warn("Slow command ({} ms, seen {} times): {}", millis, count, shape);
		}
	}

	/** The field names and operators of a command's filter, without values. */
	static String shape(Document command) {
		Object filter = findFilter(command);
		return (filter instanceof Document document) ? keys(document).toString() : "{}";
	}

	private static Object findFilter(Document command) {
		for (String field : FILTER_FIELDS) {
			if (command.get(field) != null) {
				return command.get(field);
			}
		}
		for (String batch : List.of("updates", "deletes")) {
			if (command.get(batch) instanceof List<?> statements && !statements.isEmpty()
					&& statements.get(0) instanceof Document statement) {
				return statement.get("q");
			}
		}
		return null;
	}

	/** The field names of a filter, with the operators each is matched by. */
	static Collection<String> keys(Document document) {
		TreeSet<String> keys = new TreeSet<>();
		document.forEach((key, value) -> {
			keys.add(key);
			if (value instanceof Document nested) {
				nested.keySet().stream().filter((op) -> op.startsWith("$")).forEach((op) -> keys.add(key + "." + op));
			}
		});
		return keys;
	}

	@Override
	public void handleClose(Channel channel) {
		this.delegate.handleClose(channel);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return this.delegate.handleCommand(channel, database, command, query);
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return this.delegate.handleQuery(query);
	}

	@Override
	public void dropDatabase(String database) {
		this.delegate.dropDatabase(database);
	}

	@Override
	public Collection<Document> getCurrentOperations(MongoQuery query) {
		return this.delegate.getCurrentOperations(query);
	}

	@Override
	public Document getServerStatus() {
		return this.delegate.getServerStatus();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public void closeCursors(List<Long> cursorIds) {
		this.delegate.closeCursors(cursorIds);
	}

	@Override
	public Clock getClock() {
		return this.delegate.getClock();
	}

	@Override
	public void enableOplog() {
		this.delegate.enableOplog();
	}

	@Override
	public void disableOplog() {
		this.delegate.disableOplog();
	}

	@Override
	public MongoDatabase resolveDatabase(String database) {
		return this.delegate.resolveDatabase(database);
	}

	@Override
	public MongoBackend version(MongoVersion version) {
		this.delegate.version(version);
		return this;
	}

}
