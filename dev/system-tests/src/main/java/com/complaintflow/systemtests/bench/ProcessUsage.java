package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a process (or of a container), -1 where not known.
 *
 * @param cpuMillis user plus system CPU time so far
 * @param rssMegabytes resident set size (a container's memory in use)
 */
record ProcessUsage(long cpuMillis, long rssMegabytes) {

	static final ProcessUsage UNKNOWN = new ProcessUsage(-1, -1);

	private static final long TICKS_PER_SECOND = 100;

	/** A process's usage read from /proc (Linux). */
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
			return UNKNOWN;
		}
	}

	/** CPU milliseconds used since an earlier reading; -1 when either is unknown. */
	long cpuMillisSince(ProcessUsage earlier) {
		return (this.cpuMillis < 0 || earlier.cpuMillis < 0) ? -1 : this.cpuMillis - earlier.cpuMillis;
	}

	/** "CPU 45% of a core, RSS 512 MB" since an earlier reading, n/a where unknown. */
	String describeSince(ProcessUsage earlier, long wallMillis) {
		long millis = cpuMillisSince(earlier);
		String cpu = (millis < 0 || wallMillis <= 0) ? "  n/a" : String.format("%5.0f%%", 100.0 * millis / wallMillis);
		String rss = (this.rssMegabytes < 0) ? " n/a" : String.format("%4d", this.rssMegabytes);
		return "CPU " + cpu + " of a core, RSS " + rss + " MB";
	}

}
