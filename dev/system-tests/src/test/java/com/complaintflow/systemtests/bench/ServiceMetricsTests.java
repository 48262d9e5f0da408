package com.complaintflow.systemtests.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters summed from a service's Prometheus text: over every label set, only the named
 * metric, -1 when it is absent.
 */
class ServiceMetricsTests {

	private static final String EXPOSITION = """
			# HELP mongodb_driver_commands_seconds
			# TYPE mongodb_driver_commands_seconds histogram
			mongodb_driver_commands_seconds_count{application="triage",collection="cases",command="find",status="SUCCESS"} 120
			mongodb_driver_commands_seconds_count{application="triage",collection="cases",command="update",status="SUCCESS"} 30
			mongodb_driver_commands_seconds_sum{application="triage",collection="cases",command="find",status="SUCCESS"} 0.5
			# HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
			# TYPE process_cpu_time_ns_total counter
			process_cpu_time_ns_total{application="triage"} 7.9E9
			""";

	@Test
	void sumsAMetricOverItsLabelsAndNothingElse() {
		assertThat(ServiceMetrics.sum(EXPOSITION, ServiceMetrics.MONGO_COMMANDS)).isEqualTo(150);
		assertThat(ServiceMetrics.sum(EXPOSITION, ServiceMetrics.CPU_NANOS)).isEqualTo(7.9e9);
	}

	@Test
	void anAbsentMetricOrScrapeIsUnknown() {
		assertThat(ServiceMetrics.sum(EXPOSITION, "process_cpu_seconds_total")).isEqualTo(-1);
		assertThat(ServiceMetrics.sum(null, ServiceMetrics.CPU_NANOS)).isEqualTo(-1);
	}

}
