package com.complaintflow.followup.oncall;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.complaintflow.support.mongo.StartupIndexes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what paged on-call (alerts still in the outbox and delivered ones) and records
 * acknowledgements, once per alert: the first to acknowledge is kept.
 */
@Component
public class OnCallAlerts {

	private final MongoTemplate mongo;

	private final Clock clock;

	OnCallAlerts(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		StartupIndexes.ensure(mongo, mongo.getCollectionName(OnCallAlert.class),
				new Index("raisedAt", Sort.Direction.DESC));
		StartupIndexes.ensure(mongo, OnCallDelivery.DELIVERED, new Index("raisedAt", Sort.Direction.DESC));
	}

	/** The newest alerts, newest first, with their acknowledgements. */
	public List<PagedAlert> recent(int limit) {
		Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(limit);
		List<OnCallAlert> alerts = Stream
			.concat(this.mongo.find(newest, OnCallAlert.class).stream(),
					this.mongo.find(newest, OnCallAlert.class, OnCallDelivery.DELIVERED).stream())
			.sorted(Comparator.comparing(OnCallAlert::getRaisedAt).reversed())
			.limit(limit)
			.toList();
		Map<String, OnCallAcknowledgement> acks = this.mongo
			.find(Query.query(Criteria.where("_id").in(alerts.stream().map(OnCallAlert::getId).toList())),
					OnCallAcknowledgement.class)
			.stream()
			.collect(Collectors.toMap(OnCallAcknowledgement::alertId, Function.identity()));
		return alerts.stream().map((alert) -> view(alert, acks.get(alert.getId()))).toList();
	}

	/**
	 * Acknowledges an alert; acknowledging it again keeps the first acknowledgement.
	 * @return false when no such alert exists
	 */
	public boolean acknowledge(String alertId, String staffId) {
		Query byId = Query.query(Criteria.where("_id").is(alertId));
		boolean exists = this.mongo.exists(byId, OnCallAlert.class)
				|| this.mongo.exists(byId, OnCallDelivery.DELIVERED);
		if (!exists) {
			return false;
		}
		try {
			this.mongo.insert(new OnCallAcknowledgement(alertId, staffId, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// acknowledged before: the first acknowledgement stands
		}
		return true;
	}

	private static PagedAlert view(OnCallAlert alert, OnCallAcknowledgement ack) {
		Optional<OnCallAcknowledgement> by = Optional.ofNullable(ack);
		return new PagedAlert(alert.getId(), alert.getCaseId(), alert.getMilestone(), alert.getKind(), alert.getLevel(),
				alert.getQueue(), alert.getPriority(), alert.getDueAt(), alert.getRaisedAt(),
				String.valueOf(alert.getStatus()), alert.getLastError(), by.map(OnCallAcknowledgement::by).orElse(null),
				by.map(OnCallAcknowledgement::at).orElse(null));
	}

}
