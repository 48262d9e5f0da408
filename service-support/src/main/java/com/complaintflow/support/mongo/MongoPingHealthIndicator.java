package com.complaintflow.support.mongo;

import com.complaintflow.support.health.ReusedHealth;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health from a {@code ping}, which both a real mongod and the embedded wire
 * server answer (Boot's own indicator uses {@code hello}, which the wire server does not
 * know).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongoTemplate;

	private final ReusedHealth reused = new ReusedHealth(ReusedHealth.REUSE);

	public MongoPingHealthIndicator(MongoTemplate mongoTemplate) {
		super("MongoDB ping failed");
		this.mongoTemplate = mongoTemplate;
	}

	@Override
	public Health health(boolean includeDetails) {
		// the health endpoint is open: with MongoDB away each ping waits for the server
		// selection timeout, so one check at a time, reused for a few seconds
		return this.reused.get(includeDetails, () -> super.health(true));
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = this.mongoTemplate.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongoTemplate.getDb().getName()).withDetail("ok", result.get("ok"));
	}

}
