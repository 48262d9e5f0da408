package com.complaintflow.wireserver;

import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire server's storage backends (in memory, or an H2 file that survives restarts),
 * each with {@link IdLookupIndex} as every collection's {@code _id} index; the H2 file's
 * unique indexes compare their keys with {@link IndexKeyType} and its documents are
 * stored as BSON ({@link DocumentType}); every collection answers with copies of its
 * documents ({@link AnswerCopies}) and logs the queries it answers by a scan
 * ({@link CollectionScans}).
 */
public final class WireServerBackends {

	/**
	 * What the log line of a query answered by scanning a collection starts with
	 * ({@link CollectionScans}): the pipeline benchmark reads them from the log.
	 */
	public static final String COLLECTION_SCAN = "Collection scan";

	/** The infix of our index maps' names in the H2 file. */
	private static final String ORDERED_INDEX = "._ordered_index_";

	/**
	 * H2's page cache (its default is 16 MB): large enough that the pipeline benchmark's
	 * collections stay in memory, instead of pages being read back from the file.
	 */
	private static final int CACHE_MEGABYTES = 256;

	/**
	 * H2's page size before a split (16 KB by default): every change rewrites its whole
	 * page at the next commit, so smaller pages of our documents (1-8 KB) rewrite fewer
	 * untouched neighbours (8% less CPU per command in a focused insert and update run).
	 */
	private static final int PAGE_BYTES = 4 * 1024;

	private static final Logger log = LoggerFactory.getLogger(WireServerBackends.class);

	private WireServerBackends() {
	}

	/** A backend that keeps everything in memory. */
	public static MongoBackend inMemory() {
		CollectionScans scans = new CollectionScans();
		return new MemoryBackend() {

			@Override
			public MemoryDatabase openOrCreateDatabase(String databaseName) {
				return new MemoryDatabase(databaseName, getCursorRegistry()) {

					@Override
					protected MemoryCollection openOrCreateCollection(String collectionName,
							CollectionOptions options) {
						return new MemoryCollection(this, collectionName, options, this.cursorRegistry) {

							private final AnswerCopies copies = new AnswerCopies();

							@Override
							protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit,
									int batchSize, Document fields) {
								scanning(scans, this, query);
								return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
							}

							@Override
							protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
								return super.createQueryResult(this.copies.answer(matched), batchSize);
							}

							@Override
							public synchronized Document findAndModify(Document query) {
								return AnswerCopies
									.withCopiedValue(this.copies.modifying(() -> super.findAndModify(query)));
							}

							@Override
							public synchronized Document updateDocuments(Document selector, Document update,
									ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert, Oplog oplog) {
								return this.copies.modifying(() -> super.updateDocuments(selector, update, arrayFilters,
										isMulti, isUpsert, oplog));
							}

						};
					}

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
		CollectionScans scans = new CollectionScans();
		MVStore store = new MVStore.Builder().fileName(file)
			.cacheSize(CACHE_MEGABYTES)
			.pageSplitSize(PAGE_BYTES)
			.backgroundExceptionHandler((thread, ex) -> log.error("H2 failed in the background ({})", thread, ex))
			.open();
		return new H2Backend(store) {

			@Override
			protected MongoDatabase openOrCreateDatabase(String databaseName) {
				return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {

					@Override
					protected MongoCollection<Object> openOrCreateCollection(String collectionName,
							CollectionOptions options) {
						String name = getFullCollectionNamespace(collectionName);
						MVMap<Object, Document> documents = getMvStore().openMap("databases." + name,
								new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
						MVMap<String, Object> meta = getMvStore().openMap("meta." + name);
						// an update changes a copy and stores it: a stored document is
						// never changed in place, so answers need no more than copies
						return new H2Collection(this, collectionName, options, documents, meta, this.cursorRegistry) {

							@Override
							protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit,
									int batchSize, Document fields) {
								scanning(scans, this, query);
								return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
							}

							@Override
							protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
								return super.createQueryResult(AnswerCopies.of(matched), batchSize);
							}

						};
					}

					@Override
					protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
							List<IndexKey> keys, boolean sparse) {
						MVStore store = getMvStore();
						String prefix = databaseName + "." + collectionName;
						// the maps of H2's own index type (keys ordered by their
						// serialised
						// form) are dropped: ours, empty, is rebuilt from the documents
						store.removeMap(prefix + "._index_" + indexName);
						MVMap<KeyValue, Object> map = store.openMap(prefix + ORDERED_INDEX + indexName,
								new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
						return withIdLookup(new OrderedUniqueIndex(map, indexName, keys, sparse), keys);
					}

					@Override
					protected void dropIndex(MongoCollection<Object> collection, String indexName) {
						super.dropIndex(collection, indexName);
						getMvStore()
							.removeMap(databaseName + "." + collection.getCollectionName() + ORDERED_INDEX + indexName);
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

	/**
	 * Records a scan of a collection ({@link CollectionScans}); a query with no filter
	 * reads the whole collection on purpose (an export), and is no scan to report.
	 */
	private static void scanning(CollectionScans scans, MongoCollection<?> collection, Document query) {
		if (!query.isEmpty()) {
			scans.scanned(collection.getFullName(), query, collection.count());
		}
	}

	private static <P> Index<P> withIdLookup(Index<P> index, List<IndexKey> keys) {
		return IdLookupIndex.isIdIndex(keys) ? new IdLookupIndex<>(index) : index;
	}

}
