package com.complaintflow.triage.model;

import java.util.Arrays;

/**
 * The n-grams a model knows, by 64-bit hash, each with a feature index: an
 * open-addressing table, so a lookup allocates nothing.
 */
public final class Vocabulary {

	private final long[] hashes;

	private final long[] slots;

	private final int[] ids;

	private final int mask;

	/** A vocabulary whose feature i is the n-gram with hash {@code hashes[i]}. */
	public Vocabulary(long[] hashes) {
		this.hashes = hashes.clone();
		int capacity = Integer.highestOneBit(Math.max(4, hashes.length * 2 + 1)) << 1;
		this.slots = new long[capacity];
		this.ids = new int[capacity];
		Arrays.fill(this.ids, -1);
		this.mask = capacity - 1;
		for (int i = 0; i < hashes.length; i++) {
			int slot = slot(hashes[i]);
			while (this.ids[slot] >= 0) {
				if (this.slots[slot] == hashes[i]) {
					throw new IllegalArgumentException("duplicate n-gram hash at feature " + i);
				}
				slot = (slot + 1) & this.mask;
			}
			this.slots[slot] = hashes[i];
			this.ids[slot] = i;
		}
	}

	/** The feature index of an n-gram hash, or -1. */
	public int indexOf(long hash) {
		int slot = slot(hash);
		while (this.ids[slot] >= 0) {
			if (this.slots[slot] == hash) {
				return this.ids[slot];
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
