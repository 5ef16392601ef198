/**
 * The record backend's issuance API (HTTPS with mutual TLS, port 8410): request and response
 * records shared by the backend and the center, their JSON mapping ({@link
 * dev.shomei.protocol.backend.BackendJson}) and the paths ({@link dev.shomei.protocol.backend.BackendApi}).
 * Dates are ISO-8601 text ({@code 2021-06-01}), instants ISO-8601 UTC ({@code 2024-05-01T01:02:03Z}).
 * Records that hold personal data redact it in {@code toString()}.
 */
package dev.shomei.protocol.backend;
