package com.complaintflow.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The language a complaint is written in; Chinese covers simplified and traditional
 * script.
 */
public enum Language {

	@JsonProperty("zh")
	ZH,

	@JsonProperty("en")
	EN

}
