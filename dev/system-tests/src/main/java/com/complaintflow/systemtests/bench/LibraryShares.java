package com.complaintflow.systemtests.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shares of a profile's samples by the library nearest the top of each sampled stack (a
 * JDK frame counts for the library that called it), so a run says which layer each
 * service's CPU goes to: JSON, BSON, Kafka's client, Spring Data's mapping, the project's
 * own code.
 */
final class LibraryShares {

	/**
	 * Libraries by the prefix of their classes' names; the first prefix that matches
	 * wins.
	 */
	private static final Map<String, String> LIBRARIES = libraries();

	/** Where a stack holds no frame of a library named here. */
	static final String JDK_ONLY = "JDK alone";

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	private int samples;

	private static Map<String, String> libraries() {
		Map<String, String> libraries = new LinkedHashMap<>();
		libraries.put("tools.jackson.", "Jackson JSON");
		libraries.put("com.fasterxml.jackson.", "Jackson JSON");
		libraries.put("com.mongodb.", "MongoDB driver and BSON");
		libraries.put("org.bson.", "MongoDB driver and BSON");
		libraries.put("org.springframework.data.", "Spring Data mapping");
		libraries.put("org.apache.kafka.streams.", "Kafka Streams");
		libraries.put("org.apache.kafka.", "Kafka client");
		libraries.put("org.springframework.kafka.", "spring-kafka");
		libraries.put("org.springframework.security.", "Spring Security");
		libraries.put("org.apache.catalina.", "Tomcat");
		libraries.put("org.apache.coyote.", "Tomcat");
		libraries.put("org.apache.tomcat.", "Tomcat");
		libraries.put("org.springframework.web.", "Spring web");
		libraries.put("io.micrometer.", "Micrometer");
		libraries.put("ch.qos.logback.", "logging");
		libraries.put("org.slf4j.", "logging");
		libraries.put("org.apache.logging.", "logging");
		libraries.put("org.hibernate.validator.", "validation");
		libraries.put("com.ibm.icu.", "ICU4J");
		libraries.put("org.h2.", "H2");
		libraries.put("io.netty.", "Netty");
		libraries.put("de.bwaldvogel.", "mongo-java-server");
		libraries.put("com.complaintflow.", "complaint-flow");
		libraries.put("org.springframework.", "Spring, other");
		return libraries;
	}

	/**
	 * Counts one sample.
	 * @param classNames the classes of the stack's frames, the top (the running method)
	 * first
	 */
	void add(List<String> classNames) {
		this.samples++;
		this.counts.merge(libraryOf(classNames), 1, Integer::sum);
	}

	/** The library nearest the top of a stack, or {@link #JDK_ONLY}. */
	static String libraryOf(List<String> classNames) {
		for (String className : classNames) {
			for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
				if (className.startsWith(library.getKey())) {
					return library.getValue();
				}
			}
		}
		return JDK_ONLY;
	}

	/** The samples counted. */
	int samples() {
		return this.samples;
	}

	/**
	 * The largest shares, as {@code "Kafka client 26%, ..."}.
	 * @param limit how many libraries to name
	 */
	String largest(int limit) {
		return this.counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.map((entry) -> String.format("%s %.0f%%", entry.getKey(), 100.0 * entry.getValue() / this.samples))
			.collect(Collectors.joining(", "));
	}

}
