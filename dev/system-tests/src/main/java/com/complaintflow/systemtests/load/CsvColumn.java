package com.complaintflow.systemtests.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one named column of a CSV file with a header row (Apache Commons CSV, RFC 4180:
 * quoted fields with commas, doubled quotes and line breaks), stripped, blanks left out.
 */
public final class CsvColumn {

	private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.get();

	private CsvColumn() {
	}

	/**
	 * The non-blank values of {@code column}, in file order.
	 * @param file the CSV file
	 * @param column the header of the column
	 * @return the values, empty when the file has no such column
	 */
	public static List<String> read(Path file, String column) {
		List<String> values = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = WITH_HEADER.parse(reader)) {
			if (!parser.getHeaderMap().containsKey(column)) {
				return values;
			}
			for (CSVRecord record : parser) {
				String value = record.isSet(column) ? record.get(column).strip() : "";
				if (!value.isEmpty()) {
					values.add(value);
				}
			}
			return values;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
