package com.complaintflow.analytics.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Documents the query parameters a rollup query reads through {@code RollupFilter} (they
 * arrive as one map, which the API document cannot see).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
		@Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only this channel (or unknown)",
				schema = @Schema(implementation = Channel.class)),
		@Parameter(name = "category", in = ParameterIn.QUERY, description = "Only this category (or unknown)",
				schema = @Schema(implementation = Category.class)),
		@Parameter(name = "region", in = ParameterIn.QUERY,
				description = "Only this region code; combines with category only",
				schema = @Schema(type = "string", maxLength = RollupFilter.MAX_REGION_LENGTH)),
		@Parameter(name = "persona", in = ParameterIn.QUERY, description = "Only this persona (or unknown)",
				schema = @Schema(implementation = Persona.class)),
		@Parameter(name = "playbook", in = ParameterIn.QUERY, description = "Only this playbook (or unknown)",
				schema = @Schema(implementation = Playbook.class)) })
@interface RollupFilterParameters {

}
