package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.complaintflow.support.health.ReusedHealth;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka health from a cluster description: UP with the cluster id and the number of
 * brokers when the cluster answers within the timeout, else DOWN (Boot has no Kafka
 * indicator); one admin client, kept open between checks, and a result answers the checks
 * of the next five seconds.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	/** How long a check waits for the cluster's answer. */
	static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final Map<String, Object> adminConfig;

	private final ReusedHealth reused = new ReusedHealth(ReusedHealth.REUSE);

	private final Duration timeout;

	private Admin admin;

	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka cluster description failed");
		this.adminConfig = Map.copyOf(adminConfig);
		this.timeout = timeout;
	}

	@Override
	public Health health(boolean includeDetails) {
		// the health endpoint is open: a check every few seconds at most, however often
		// it is asked (with the broker away each check waits for its timeout)
		return this.reused.get(includeDetails, () -> super.health(true));
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		long waitMillis = this.timeout.toMillis() + 1000;
		builder.up()
			.withDetail("clusterId", cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS))
			.withDetail("brokers", cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS).size());
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.adminConfig);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ZERO);
		}
	}

}
