package com.complaintflow.systemtests.load;

import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds realistic complaint requests: real texts, a pool of customers (so some complain
 * repeatedly), regions, tiers and the three channels' keys (the development ones unless
 * given).
 */
public final class ComplaintPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> REGIONS = List.of("BJ-CY", "BJ-HD", "SH-PD", "SH-XH", "GZ-TH", "GZ-BY", "SZ-NS",
			"CD-WH", "HZ-XH", "WH-WC", "JN-LX", "XA-YT");

	private static final List<String> TIERS = List.of("STANDARD", "STANDARD", "STANDARD", "SILVER", "SILVER", "GOLD",
			"PLATINUM");

	private static final List<String> CHANNEL_KEYS = List.of("hotline-dev-key", "store-dev-key", "app-dev-key");

	private final ComplaintTexts texts;

	private final List<String> channelKeys;

	private final int customers;

	private final String runId;

	/**
	 * @param texts the complaint texts
	 * @param customers how many distinct customers the complaints come from
	 * @param runId distinguishes the customer ids of one run from another's
	 */
	public ComplaintPayloads(ComplaintTexts texts, int customers, String runId) {
		this(texts, customers, runId, CHANNEL_KEYS);
	}

	/**
	 * @param texts the complaint texts
	 * @param customers how many distinct customers the complaints come from
	 * @param runId distinguishes the customer ids of one run from another's
	 * @param channelKeys the channel keys requests are sent with, in turn
	 */
	public ComplaintPayloads(ComplaintTexts texts, int customers, String runId, List<String> channelKeys) {
		this.texts = texts;
		this.channelKeys = List.copyOf(channelKeys);
		this.customers = customers;
		this.runId = runId;
	}

	/** The i-th request: the same i gives the same request. */
	public Request request(long i) {
		SplittableRandom random = new SplittableRandom(i * 31 + 7);
		ComplaintTexts.Text text = this.texts.get(i);
		ObjectNode body = JSON.createObjectNode();
		body.putObject("customer")
			.put("id", "LOAD-" + this.runId + "-" + random.nextInt(this.customers))
			.put("tier", TIERS.get(random.nextInt(TIERS.size())));
		body.putObject("location").put("regionCode", REGIONS.get(random.nextInt(REGIONS.size())));
		body.put("description", text.description());
		body.put("language", text.language());
		return new Request(body.toString(), this.channelKeys.get((int) (i % this.channelKeys.size())),
				this.runId + "-" + i);
	}

	/**
	 * One complaint request.
	 *
	 * @param body the JSON body
	 * @param apiKey the channel key to send it with
	 * @param idempotencyKey the key a retry repeats
	 */
	public record Request(String body, String apiKey, String idempotencyKey) {

	}

}
