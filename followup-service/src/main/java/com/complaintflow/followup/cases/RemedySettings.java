package com.complaintflow.followup.cases;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.ValueTier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The largest remedy value an agent may offer on their own, per customer tier; above it
 * only a supervisor may.
 *
 * @param tierLimits the limit of each tier, in the operator's currency
 */
@Validated
@ConfigurationProperties("complaintflow.followup.remedies")
public record RemedySettings(Map<ValueTier, BigDecimal> tierLimits) {

	public RemedySettings {
		tierLimits = (tierLimits != null) ? Map.copyOf(tierLimits) : Map.of();
		Set<ValueTier> missing = EnumSet.allOf(ValueTier.class);
		missing.removeAll(tierLimits.keySet());
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("No remedy limit for tiers " + missing);
		}
	}

	BigDecimal limit(ValueTier tier) {
		return this.tierLimits.get(tier);
	}

}
