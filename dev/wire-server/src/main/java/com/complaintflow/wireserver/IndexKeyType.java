package com.complaintflow.wireserver;

import java.util.Date;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the H2 backend's index maps: stored exactly as H2's
 * {@link ObjectDataType} stores them, but compared in memory value by value. H2's own
 * type compares a key it has no native order for (mongo-java-server's {@link KeyValue})
 * by Java-serialising both sides at every step of every binary search, which was a third
 * of the wire server's CPU under the pipeline benchmark. Strings, numbers, dates,
 * booleans and object ids compare by their natural order; values of different classes by
 * class name; anything else (embedded documents, arrays) as H2 did, by its serialised
 * form. Only equality matters to a unique index, and this is a total order consistent
 * with it.
 */
final class IndexKeyType extends ObjectDataType {

	private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Integer.class, Long.class, Double.class,
			Boolean.class, Date.class, UUID.class, ObjectId.class);

	@Override
	public int compare(Object a, Object b) {
		if (a instanceof KeyValue left && b instanceof KeyValue right) {
			return compareKeys(left, right);
		}
		return super.compare(a, b);
	}

	private int compareKeys(KeyValue left, KeyValue right) {
		int sizes = Integer.compare(left.size(), right.size());
		if (sizes != 0) {
			return sizes;
		}
		for (int i = 0; i < left.size(); i++) {
			int values = compareValues(left.get(i), right.get(i));
			if (values != 0) {
				return values;
			}
		}
		return 0;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private int compareValues(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a == null || b == null) {
			return (a == null) ? -1 : 1;
		}
		if (a.getClass() != b.getClass()) {
			return a.getClass().getName().compareTo(b.getClass().getName());
		}
		if (NATURALLY_ORDERED.contains(a.getClass())) {
			return ((Comparable) a).compareTo(b);
		}
		return super.compare(a, b);
	}

}
