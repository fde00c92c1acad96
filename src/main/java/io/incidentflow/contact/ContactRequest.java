package io.incidentflow.contact;

/**
 * Body of {@code POST /api/contacts} and {@code PUT /api/contacts/{id}} (where {@code id} may be left out). Plain
 * strings, so that the service names the field of a wrong locale, time zone or charset in its own words.
 */
record ContactRequest(
        String id,
        String displayName,
        String tasklistUserId,
        String locale,
        String timeZone,
        String mailCharset) {
}
