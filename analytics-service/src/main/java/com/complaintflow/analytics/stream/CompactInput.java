package com.complaintflow.analytics.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;

/**
 * Reads what {@link CompactOutput} wrote; a value that ends early or holds an unknown
 * type tag is rejected with a {@link SerializationException}, never read as something
 * else.
 */
final class CompactInput {

	static final int NULL = 0;

	static final int STRING = 1;

	static final int INT = 2;

	static final int LONG = 3;

	static final int TRUE = 4;

	static final int FALSE = 5;

	static final int DATE = 6;

	static final int DOUBLE = 7;

	static final int LIST = 8;

	static final int MAP = 9;

	private final byte[] bytes;

	private int position;

	CompactInput(byte[] bytes) {
		this.bytes = bytes;
	}

	int readByte() {
		if (this.position >= this.bytes.length) {
			throw new SerializationException("compact value ends early (" + this.bytes.length + " bytes)");
		}
		return this.bytes[this.position++] & 0xFF;
	}

	int readVarInt() {
		int value = 0;
		for (int shift = 0; shift < 35; shift += 7) {
			int b = readByte();
			value |= (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return value;
			}
		}
		throw new SerializationException("compact value holds a malformed length");
	}

	long readLong() {
		long zigzag = 0;
		for (int shift = 0; shift < 70; shift += 7) {
			int b = readByte();
			zigzag |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return (zigzag >>> 1) ^ -(zigzag & 1);
			}
		}
		throw new SerializationException("compact value holds a malformed number");
	}

	String readString() {
		int length = readVarInt() - 1;
		if (length < 0) {
			return null;
		}
		if (length > this.bytes.length - this.position) {
			throw new SerializationException("compact value ends early (string of " + length + " bytes)");
		}
		String value = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
		this.position += length;
		return value;
	}

	/** Named values written by {@link CompactOutput#writeAttributes}, in their order. */
	Document readAttributes() {
		int count = readVarInt();
		Document attributes = new Document();
		for (int i = 0; i < count; i++) {
			attributes.put(readString(), readValue());
		}
		return attributes;
	}

	/**
	 * One tagged value, as the BSON form read it before: strings, integers, longs,
	 * booleans, dates, doubles, lists and nested documents.
	 */
	Object readValue() {
		int tag = readByte();
		return switch (tag) {
			case NULL -> null;
			case STRING -> readString();
			case INT -> (int) readLong();
			case LONG -> readLong();
			case TRUE -> Boolean.TRUE;
			case FALSE -> Boolean.FALSE;
			case DATE -> new Date(readLong());
			case DOUBLE -> Double.longBitsToDouble(readLong());
			case LIST -> readList();
			case MAP -> readAttributes();
			default -> throw new SerializationException("compact value holds an unknown type tag " + tag);
		};
	}

	private List<Object> readList() {
		int count = readVarInt();
		List<Object> list = new ArrayList<>(Math.min(count, this.bytes.length));
		for (int i = 0; i < count; i++) {
			list.add(readValue());
		}
		return list;
	}

	/** Whether every byte was read (a value with bytes left over is rejected). */
	boolean atEnd() {
		return this.position == this.bytes.length;
	}

}
