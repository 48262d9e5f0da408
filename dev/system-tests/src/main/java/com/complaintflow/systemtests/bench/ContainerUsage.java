package com.complaintflow.systemtests.bench;

/**
 * A container's CPU time and memory from its cgroup (v2): {@code usage_usec} of
 * {@code cpu.stat} and {@code memory.current}, read inside the container with
 * {@code docker exec}, where {@code /sys/fs/cgroup} is the container's own cgroup.
 */
final class ContainerUsage {

	private ContainerUsage() {
	}

	/**
	 * A container's usage, unknown when docker cannot read it (cgroup v1, no cat).
	 * @param docker runs docker commands
	 * @param containerId the container
	 * @return its usage
	 */
	static ProcessUsage of(Docker docker, String containerId) {
		try {
			return parse(
					docker.run("exec", containerId, "cat", "/sys/fs/cgroup/cpu.stat", "/sys/fs/cgroup/memory.current"));
		}
		catch (RuntimeException ex) {
			return ProcessUsage.UNKNOWN;
		}
	}

	/**
	 * Parses the two files one after the other: {@code usage_usec N} among cpu.stat's
	 * lines, and memory.current's lone number of bytes; -1 for what is missing.
	 */
	static ProcessUsage parse(String text) {
		long cpuMillis = -1;
		long memoryMegabytes = -1;
		for (String line : text.split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (fields.length == 2 && fields[0].equals("usage_usec")) {
				cpuMillis = Long.parseLong(fields[1]) / 1000;
			}
			else if (fields.length == 1 && fields[0].matches("\\d+")) {
				memoryMegabytes = Long.parseLong(fields[0]) / (1024 * 1024);
			}
		}
		return new ProcessUsage(cpuMillis, memoryMegabytes);
	}

}
