package com.complaintflow.wireserver;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The {@code _id} index of a wire-server collection, extended to answer every query that
 * names one {@code _id} value or an {@code $in} list of them, whatever else it asks: it
 * finds those documents by {@code _id} and the collection then checks the whole query
 * against each. Such queries are a lease ({@code {_id: x, leaseUntil: {$lt: now}}}), an
 * optimistic lock ({@code {$and: [{_id: x}, {version: 3}]}}) and a filter of known ids
 * ({@code {_id: {$in: [x, y]}, incidentCaseId: null}}). mongo-java-server's own index
 * answers only queries on {@code _id} alone and scans the collection for the rest; mongod
 * uses its {@code _id} index for both. Everything else is delegated unchanged.
 *
 * @param <P> the backend's document position
 */
final class IdLookupIndex<P> extends Index<P> {

	private static final String ID = "_id";

	private final Index<P> delegate;

	IdLookupIndex(Index<P> delegate) {
		super(delegate.getName(), delegate.getKeys(), false);
		this.delegate = delegate;
	}

	@Override
	public boolean canHandle(Document query) {
		return this.delegate.canHandle(query) || namedIds(query) != null;
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		if (this.delegate.canHandle(query)) {
			return this.delegate.getPositions(query);
		}
		return this.delegate.getPositions(new Document(ID, namedIds(query)));
	}

	/**
	 * The one {@code _id} value, or the {@code {$in: [...]}} list of them, that a query
	 * with more fields than {@code _id} names (at its top level or in a top-level
	 * {@code $and}), or null when it names none, or matches {@code _id} by another
	 * operator or a pattern.
	 */
	private static Object namedIds(Document query) {
		if (query.size() >= 2 && query.containsKey(ID)) {
			return lookupValue(query.get(ID));
		}
		if (query.get("$and") instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document && document.containsKey(ID)) {
					Object id = lookupValue(document.get(ID));
					if (id != null) {
						return id;
					}
				}
			}
		}
		return null;
	}

	private static Object lookupValue(Object id) {
		if (id instanceof Document operator && operator.size() == 1
				&& operator.get("$in") instanceof Collection<?> values
				&& values.stream().allMatch((value) -> isPlain(value))) {
			return id;
		}
		return isPlain(id) ? id : null;
	}

	private static boolean isPlain(Object id) {
		return id != null && !(id instanceof Document) && !(id instanceof Pattern)
				&& !(id instanceof BsonRegularExpression);
	}

	@Override
	public P getPosition(Document document) {
		return this.delegate.getPosition(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		this.delegate.checkAdd(document, collection);
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		this.delegate.add(document, position, collection);
	}

	@Override
	public P remove(Document document) {
		return this.delegate.remove(document);
	}

	@Override
	public long getCount() {
		return this.delegate.getCount();
	}

	@Override
	public boolean isEmpty() {
		return this.delegate.isEmpty();
	}

	@Override
	public long getDataSize() {
		return this.delegate.getDataSize();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		this.delegate.checkUpdate(oldDocument, newDocument, collection);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
			throws KeyConstraintError {
		this.delegate.updateInPlace(oldDocument, newDocument, position, collection);
	}

	@Override
	public void drop() {
		this.delegate.drop();
	}

	@Override
	public boolean isUnique() {
		return this.delegate.isUnique();
	}

	@Override
	public Document toIndexDescription() {
		return this.delegate.toIndexDescription();
	}

	/** Whether an index is a collection's {@code _id} index. */
	static boolean isIdIndex(List<IndexKey> keys) {
		return keys.size() == 1 && ID.equals(keys.get(0).getKey());
	}

}
