package com.complaintflow.triage.model;

/**
 * The n-grams a model knows, by 64-bit hash, each with a feature index: an
 * open-addressing table holding each hash beside its index (one memory read per probe),
 * so a lookup allocates nothing.
 */
public final class Vocabulary {

	private static final long EMPTY = -1;

	private final long[] hashes;

	/** Slot s holds a hash at {@code 2s} and its feature index at {@code 2s + 1}. */
	private final long[] table;

	private final int mask;

	/** A vocabulary whose feature i is the n-gram with hash {@code hashes[i]}. */
	public Vocabulary(long[] hashes) {
		this.hashes = hashes.clone();
		int capacity = Integer.highestOneBit(Math.max(4, hashes.length * 2 + 1)) << 1;
		this.table = new long[2 * capacity];
		for (int slot = 0; slot < capacity; slot++) {
			this.table[2 * slot + 1] = EMPTY;
		}
		this.mask = capacity - 1;
		for (int i = 0; i < hashes.length; i++) {
			int slot = slot(hashes[i]);
			while (this.table[2 * slot + 1] != EMPTY) {
				if (this.table[2 * slot] == hashes[i]) {
					throw new IllegalArgumentException("duplicate n-gram hash at feature " + i);
				}
				slot = (slot + 1) & this.mask;
			}
			this.table[2 * slot] = hashes[i];
			this.table[2 * slot + 1] = i;
		}
	}

	/** The feature index of an n-gram hash, or -1. */
	public int indexOf(long hash) {
		int slot = slot(hash);
		long id;
		while ((id = this.table[2 * slot + 1]) != EMPTY) {
			if (this.table[2 * slot] == hash) {
				return (int) id;
			}
			slot = (slot + 1) & this.mask;
		}
		return -1;
	}

	/** How many features. */
	public int size() {
		return this.hashes.length;
	}

	/** The hashes in feature order. */
	long[] hashes() {
		return this.hashes.clone();
	}

	private int slot(long hash) {
		long mixed = hash ^ (hash >>> 29) ^ (hash >>> 41);
		return (int) (mixed & this.mask);
	}

}
