package com.complaintflow.wireserver;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Hands a collection's answers out as copies of its stored documents: mongo-java-server's
 * backends change a stored document in place under the collection's lock, but the wire
 * server encodes an answer after the lock is released, so an answer holding the stored
 * document itself could change while it was being written to the connection (the
 * encoder's {@code ConcurrentModificationException} dropped the connection and paused the
 * client's pool). The memory backend's updates read the stored documents themselves, to
 * change them in place; the H2 file's change a copy and store it, so its collections copy
 * every answer ({@link #of}).
 */
final class AnswerCopies {

	/** Set while this collection changes documents; guarded by the collection's lock. */
	private boolean modifying;

	/**
	 * The documents a query matched, to be answered: copies, unless an update reads them.
	 * @param matched the stored documents
	 * @return what the query answers
	 */
	List<Document> answer(List<Document> matched) {
		return this.modifying ? matched : of(matched);
	}

	/**
	 * Copies of documents.
	 * @param documents the documents
	 * @return a deep copy of each
	 */
	static List<Document> of(List<Document> documents) {
		return documents.stream().map(Document::cloneDeeply).toList();
	}

	/**
	 * Runs an update or find-and-modify, whose query must see the stored documents.
	 * @param <T> the result's type
	 * @param change the change, run holding the collection's lock
	 * @return its result
	 */
	<T> T modifying(Supplier<T> change) {
		this.modifying = true;
		try {
			return change.get();
		}
		finally {
			this.modifying = false;
		}
	}

	/**
	 * A find-and-modify's answer, whose {@code value} may be the stored document.
	 * @param result the answer
	 * @return the answer with a copy of its document
	 */
	static Document withCopiedValue(Document result) {
		Object value = result.get("value");
		if (value instanceof Document document) {
			result.put("value", document.cloneDeeply());
		}
		return result;
	}

}
