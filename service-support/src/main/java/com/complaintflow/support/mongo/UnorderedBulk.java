package com.complaintflow.support.mongo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes a batch of idempotent operations on one collection in one unordered bulk write
 * (one command however many documents). Two upserts that create the same new document at
 * once (two instances) fail one of them with a duplicate key; the write is then repeated
 * once, when the document exists and every upsert matches it. Inserts of new documents go
 * the same way ({@link #insertNew}): one that exists already is left as it is.
 */
public final class UnorderedBulk {

	private UnorderedBulk() {
	}

	/**
	 * Writes the operations to the collection of an entity; nothing when there are none.
	 * @param mongo the template
	 * @param entity the entity class naming the collection (and mapping the values)
	 * @param operations each adds one operation (or a few) to the bulk write
	 */
	public static void write(MongoTemplate mongo, Class<?> entity, List<Consumer<BulkOperations>> operations) {
		write(() -> mongo.bulkOps(BulkMode.UNORDERED, entity), operations);
	}

	/**
	 * Writes the operations to a collection named by its name; nothing when there are
	 * none.
	 * @param mongo the template
	 * @param collection the collection
	 * @param operations each adds one operation (or a few) to the bulk write
	 */
	public static void write(MongoTemplate mongo, String collection, List<Consumer<BulkOperations>> operations) {
		write(() -> mongo.bulkOps(BulkMode.UNORDERED, collection), operations);
	}

	/**
	 * Inserts documents in one unordered bulk write, leaving alone those whose
	 * {@code _id} exists already (a redelivery, or another instance first): inserting is
	 * then safe to repeat.
	 * @param mongo the template
	 * @param entity the entity class naming the collection (and mapping the documents)
	 * @param documents the documents, none of them twice
	 * @return the positions in {@code documents} of those that existed (not written)
	 */
	public static Set<Integer> insertNew(MongoTemplate mongo, Class<?> entity, List<?> documents) {
		Set<Integer> existed = new HashSet<>();
		if (documents.isEmpty()) {
			return existed;
		}
		try {
			mongo.bulkOps(BulkMode.UNORDERED, entity).insert(documents).execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				existed.add(error.getIndex());
			}
		}
		return existed;
	}

	private static void write(Supplier<BulkOperations> bulk, List<Consumer<BulkOperations>> operations) {
		if (operations.isEmpty()) {
			return;
		}
		try {
			fill(bulk.get(), operations).execute();
		}
		catch (BulkOperationException ex) {
			if (!onlyDuplicateKeys(ex)) {
				throw ex;
			}
			fill(bulk.get(), operations).execute();
		}
	}

	private static BulkOperations fill(BulkOperations bulk, List<Consumer<BulkOperations>> operations) {
		operations.forEach((operation) -> operation.accept(bulk));
		return bulk;
	}

	private static boolean onlyDuplicateKeys(BulkOperationException ex) {
		return !ex.getErrors().isEmpty() && ex.getErrors()
			.stream()
			.allMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
	}

}
