package com.complaintflow.triage.incident;

import java.time.Instant;

import com.complaintflow.events.Category;

/**
 * A network or emergency complaint from a region, counted towards outages.
 *
 * @param id the complaint
 * @param customerId its customer
 * @param category network or emergency
 * @param at when intake received it
 */
record OutageSignal(String id, String customerId, Category category, Instant at) {
}
