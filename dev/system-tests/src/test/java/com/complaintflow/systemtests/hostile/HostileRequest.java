package com.complaintflow.systemtests.hostile;

/**
 * A built hostile request, ready to send.
 *
 * @param attack what kind of attack it is
 * @param endpoint the endpoint it targets
 * @param method the HTTP method to send
 * @param path the path and query
 * @param auth one header line ({@code Name: value}) with credentials, or null for none
 * @param contentType the Content-Type header, or empty for none
 * @param body the body bytes, or null for none
 */
record HostileRequest(Attack attack, Endpoint endpoint, String method, String path, String auth, String contentType,
		byte[] body) {

}
