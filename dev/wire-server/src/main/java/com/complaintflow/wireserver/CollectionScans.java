package com.complaintflow.wireserver;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongod's {@code COLLSCAN} in the slow query log, for the wire server: a query, update
 * or delete that no index of the wire server answers, over a collection of at least
 * {@value #LARGE} documents, is logged with its collection and the shape of its filter
 * (field names and operators, never values), once per shape and then every
 * {@value #EVERY}th time. The wire server has only its {@code _id} and unique indexes, so
 * a scan here may be answered by a non-unique index in mongod; one that mongod would scan
 * too is a query to change. Aggregations and counts ({@code countDocuments}) are not
 * seen: the wire server answers them by reading the whole collection whatever their
 * filter.
 */
final class CollectionScans {

	/** The fewest documents a scan must read to be logged. */
	static final int LARGE = 1_000;

	static final int EVERY = 1_000;

	/** What the log line starts with ({@link WireServerBackends#COLLECTION_SCAN}). */
	static final String MESSAGE = WireServerBackends.COLLECTION_SCAN;

	private static final Logger log = LoggerFactory.getLogger(CollectionScans.class);

	private final ShapeCounts seen = new ShapeCounts(EVERY);

	/**
	 * Records a scan.
	 * @param namespace the database and collection
	 * @param query the filter no index answered
	 * @param documents how many documents the collection holds
	 * @return how many times a scan of this shape was recorded when this one is logged,
	 * else 0 (also when the collection is too small to count)
	 */
	long scanned(String namespace, Document query, int documents) {
		if (documents < LARGE) {
			return 0;
		}
		String shape = namespace + " " + SlowCommandLog.keys(query);
		long count = this.seen.seenToLog(shape);
		if (count > 0) {
			log.warn("{} ({} documents, seen {} times): {}", MESSAGE, documents, count, shape);
		}
		return count;
	}

}
