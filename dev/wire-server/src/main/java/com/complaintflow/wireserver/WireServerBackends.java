package com.complaintflow.wireserver;

import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The wire server's storage backends (in memory, or an H2 file that survives restarts),
 * each with {@link IdLookupIndex} as every collection's {@code _id} index.
 */
public final class WireServerBackends {

	private WireServerBackends() {
	}

	/** A backend that keeps everything in memory. */
	public static MongoBackend inMemory() {
		return new MemoryBackend() {

			@Override
			public MemoryDatabase openOrCreateDatabase(String databaseName) {
				return new MemoryDatabase(databaseName, getCursorRegistry()) {

					@Override
					protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
							List<IndexKey> keys, boolean sparse) {
						return withIdLookup(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
								keys);
					}

				};
			}

		};
	}

	/** A backend that keeps its data in the H2 file {@code file} (created if absent). */
	public static H2Backend h2File(String file) {
		return new H2Backend(file) {

			@Override
			protected MongoDatabase openOrCreateDatabase(String databaseName) {
				return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {

					@Override
					protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
							List<IndexKey> keys, boolean sparse) {
						return withIdLookup(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
								keys);
					}

				};
			}

		};
	}

	/**
	 * The backend with mongod's slow query log: commands slower than the threshold are
	 * logged with the shape of their filter (names, never values).
	 */
	public static MongoBackend withSlowCommandLog(MongoBackend backend, long thresholdMillis) {
		return new SlowCommandLog(backend, thresholdMillis);
	}

	private static <P> Index<P> withIdLookup(Index<P> index, List<IndexKey> keys) {
		return IdLookupIndex.isIdIndex(keys) ? new IdLookupIndex<>(index) : index;
	}

}
