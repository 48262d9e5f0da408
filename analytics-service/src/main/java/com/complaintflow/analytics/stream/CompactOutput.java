package com.complaintflow.analytics.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Writes the compact binary form of analytics' stored values ({@link CompactSerde}):
 * variable-length integers, length-prefixed UTF-8 strings (null allowed) and tagged
 * attribute values, into a growing byte array.
 */
final class CompactOutput {

	private byte[] bytes = new byte[256];

	private int size;

	/** Bytes written so far, copied. */
	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	void writeByte(int value) {
		ensure(1);
		this.bytes[this.size++] = (byte) value;
	}

	/** An unsigned int, 7 bits a byte. */
	void writeVarInt(int value) {
		ensure(5);
		while ((value & ~0x7F) != 0) {
			this.bytes[this.size++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		this.bytes[this.size++] = (byte) value;
	}

	/** A signed long, zigzag then 7 bits a byte (small magnitudes take few bytes). */
	void writeLong(long value) {
		ensure(10);
		long zigzag = (value << 1) ^ (value >> 63);
		while ((zigzag & ~0x7FL) != 0) {
			this.bytes[this.size++] = (byte) ((zigzag & 0x7F) | 0x80);
			zigzag >>>= 7;
		}
		this.bytes[this.size++] = (byte) zigzag;
	}

	/** A string or null: its UTF-8 length plus one (0 for null), then the bytes. */
	void writeString(String value) {
		if (value == null) {
			writeVarInt(0);
			return;
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		writeVarInt(utf8.length + 1);
		ensure(utf8.length);
		System.arraycopy(utf8, 0, this.bytes, this.size, utf8.length);
		this.size += utf8.length;
	}

	/** Named values (an event's attributes): their count, then each name and value. */
	void writeAttributes(Map<String, ?> attributes) {
		writeVarInt(attributes.size());
		for (Map.Entry<String, ?> attribute : attributes.entrySet()) {
			writeString(attribute.getKey());
			writeValue(attribute.getValue());
		}
	}

	/** One attribute value, tagged with its type ({@link CompactInput#readValue()}). */
	void writeValue(Object value) {
		if (value == null) {
			writeByte(CompactInput.NULL);
		}
		else if (value instanceof String text) {
			writeByte(CompactInput.STRING);
			writeString(text);
		}
		else if (value instanceof Integer number) {
			writeByte(CompactInput.INT);
			writeLong(number);
		}
		else if (value instanceof Long number) {
			writeByte(CompactInput.LONG);
			writeLong(number);
		}
		else if (value instanceof Boolean flag) {
			writeByte(flag ? CompactInput.TRUE : CompactInput.FALSE);
		}
		else if (value instanceof Date date) {
			writeByte(CompactInput.DATE);
			writeLong(date.getTime());
		}
		else if (value instanceof Double number) {
			writeByte(CompactInput.DOUBLE);
			writeLong(Double.doubleToLongBits(number));
		}
		else if (value instanceof List<?> list) {
			writeByte(CompactInput.LIST);
			writeVarInt(list.size());
			list.forEach(this::writeValue);
		}
		else if (value instanceof Map<?, ?> map) {
			writeByte(CompactInput.MAP);
			writeVarInt(map.size());
			map.forEach((name, nested) -> {
				writeString((String) name);
				writeValue(nested);
			});
		}
		else {
			throw new IllegalArgumentException(
					"no compact form for an attribute of type " + value.getClass().getName());
		}
	}

	private void ensure(int more) {
		if (this.size + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
		}
	}

}
