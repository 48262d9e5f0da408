package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What every action controller derives from a request: who acts, and the idempotency key
 * (the header's, or a hash of the action and its body when none was sent).
 */
final class ActionKeys {

	private ActionKeys() {
	}

	/**
	 * The header's key, or a hash of the action and its body when the caller sent none.
	 */
	static String key(String header, String action, Object body) {
		if (header != null && !header.isBlank()) {
			return header;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((action + "|" + body).getBytes(StandardCharsets.UTF_8));
			return CaseChanges.DERIVED_KEY_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
