package com.complaintflow.triage.incident;

import java.time.Instant;

import com.complaintflow.events.Category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A network or emergency complaint from a region, counted towards outages.
 */
@Document("outage_signals")
record OutageSignal(@Id String id, String customerId, String regionCode, Category category, Instant at) {
}
