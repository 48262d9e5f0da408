package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from /proc (Linux).
 *
 * @param cpuMillis user plus system CPU time so far
 * @param rssMegabytes resident set size
 */
record ProcessUsage(long cpuMillis, long rssMegabytes) {

	private static final long TICKS_PER_SECOND = 100;

	static ProcessUsage of(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			long rssKb = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0);
			return new ProcessUsage(ticks * 1000 / TICKS_PER_SECOND, rssKb / 1024);
		}
		catch (IOException | RuntimeException ex) {
			return new ProcessUsage(0, 0);
		}
	}

	/** Average CPU use between two readings, in percent of one core. */
	double cpuPercentSince(ProcessUsage earlier, long wallMillis) {
		return (wallMillis > 0) ? 100.0 * (this.cpuMillis - earlier.cpuMillis) / wallMillis : 0;
	}

}
