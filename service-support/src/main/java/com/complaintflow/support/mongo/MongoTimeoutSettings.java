package com.complaintflow.support.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MongoDB client timeouts every service sets, so a stalled or unreachable database turns
 * into a prompt, retryable failure instead of a thread waiting without end.
 *
 * @param serverSelection how long an operation waits for a usable server
 * @param connect how long opening a connection may take
 * @param read how long one read on a socket may wait (a stalled server's answer)
 */
@ConfigurationProperties("complaintflow.mongodb.timeouts")
public record MongoTimeoutSettings(@DefaultValue("10s") Duration serverSelection, @DefaultValue("5s") Duration connect,
		@DefaultValue("30s") Duration read) {

}
