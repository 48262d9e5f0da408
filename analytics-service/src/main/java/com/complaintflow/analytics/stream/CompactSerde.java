package com.complaintflow.analytics.stream;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.Counters;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bson.Document;

/**
 * The compact, versioned binary form of the values analytics stores and passes between
 * its sub-topologies and to its sink (complaint states, events, bucket counters), in
 * place of BSON documents: no field names but the attributes', numbers as variable-length
 * integers. Each value starts with {@code 'C' 'F'}, its kind and the format
 * {@value #VERSION}; a value of another kind or version (a newer build's, or the BSON of
 * builds before 2026-12-01) is rejected with a {@link SerializationException} naming the
 * fix (reset the Streams application, docs/analytics.md), never misread. Null stays null
 * (a tombstone).
 */
public final class CompactSerde {

	/** The format this build writes and the only one it reads. */
	static final int VERSION = 1;

	private static final int STATE = 'S';

	private static final int ENTRY = 'E';

	private static final int COUNTERS = 'N';

	/**
	 * A complaint's state as stored: the complaint and its events (not the last change).
	 */
	static final Serde<ComplaintState> STATES = of(STATE, CompactSerde::writeState, CompactSerde::readState);

	/** One event of a complaint (its identity, time and attributes). */
	static final Serde<JournalEntry> ENTRIES = of(ENTRY, CompactSerde::writeEntry,
			(input) -> readEntry(input, input.readString()));

	/** A bucket's measures. */
	static final Serde<Counters> COUNTER_VALUES = of(COUNTERS, CompactSerde::writeCounters, CompactSerde::readCounters);

	private CompactSerde() {
	}

	/** The measures of a bucket written by {@link #COUNTER_VALUES}. */
	public static Counters counters(byte[] data) {
		return COUNTER_VALUES.deserializer().deserialize(null, data);
	}

	/**
	 * The events of a complaint state written by {@link #STATES}, as the timeline read
	 * model stores them (event id to event).
	 */
	public static Document events(byte[] data) {
		return STATES.deserializer().deserialize(null, data).eventsDocument();
	}

	private static <T> Serde<T> of(int kind, BiConsumer<CompactOutput, T> write, Function<CompactInput, T> read) {
		Serializer<T> serializer = (topic, value) -> {
			if (value == null) {
				return null;
			}
			CompactOutput output = new CompactOutput();
			output.writeByte('C');
			output.writeByte('F');
			output.writeByte(kind);
			output.writeByte(VERSION);
			write.accept(output, value);
			return output.toByteArray();
		};
		Deserializer<T> deserializer = (topic, data) -> {
			if (data == null) {
				return null;
			}
			CompactInput input = new CompactInput(data);
			header(input, kind, data.length);
			T value = read.apply(input);
			if (!input.atEnd()) {
				throw new SerializationException("compact value has bytes left over after its end");
			}
			return value;
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

	private static void header(CompactInput input, int kind, int length) {
		if (length < 4 || input.readByte() != 'C' || input.readByte() != 'F') {
			throw new SerializationException("not a compact analytics value (BSON of an older build?): "
					+ "reset the Streams application and drop the analytics database (docs/analytics.md, Upgrading)");
		}
		int actualKind = input.readByte();
		int version = input.readByte();
		if (actualKind != kind) {
			throw new SerializationException(
					"compact analytics value of kind '" + (char) actualKind + "' where '" + (char) kind + "' is read");
		}
		if (version != VERSION) {
			throw new SerializationException("compact analytics value of format version " + version
					+ ", this build reads version " + VERSION
					+ " only: reset the Streams application and drop the analytics database (docs/analytics.md, Upgrading)");
		}
	}

	private static void writeState(CompactOutput output, ComplaintState state) {
		output.writeString(state.complaintId());
		output.writeVarInt(state.entries().size());
		state.entries().values().forEach((entry) -> writeEntry(output, entry));
	}

	private static ComplaintState readState(CompactInput input) {
		String complaintId = input.readString();
		int count = input.readVarInt();
		Map<String, JournalEntry> entries = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			String eventId = input.readString();
			entries.put(eventId, readEntry(input, eventId));
		}
		return new ComplaintState(complaintId, entries, Map.of(), null, false);
	}

	/** An event as BSON kept it: its time to the millisecond. */
	private static void writeEntry(CompactOutput output, JournalEntry entry) {
		output.writeString(entry.eventId());
		output.writeString(entry.type());
		output.writeString(entry.source());
		output.writeLong(entry.occurredAt().toEpochMilli());
		output.writeAttributes(entry.attributes());
	}

	private static JournalEntry readEntry(CompactInput input, String eventId) {
		String type = input.readString();
		String source = input.readString();
		Instant occurredAt = Instant.ofEpochMilli(input.readLong());
		return new JournalEntry(eventId, type, source, occurredAt, input.readAttributes());
	}

	private static void writeCounters(CompactOutput output, Counters counters) {
		output.writeVarInt(counters.size());
		counters.forEach((measure, count) -> {
			output.writeString(measure);
			output.writeLong(count);
		});
	}

	private static Counters readCounters(CompactInput input) {
		int count = input.readVarInt();
		Counters counters = new Counters();
		for (int i = 0; i < count; i++) {
			counters.add(input.readString(), input.readLong());
		}
		return counters;
	}

}
