/**
 * What a vaccination certificate says, as plain validated values: the backend fills a
 * {@link dev.shomei.protocol.cert.CertificateContent} from its records, the SMART Health Card and
 * VDS-NC encoders sign it, and printing lays it out. Constructors reject bad input with
 * {@link dev.shomei.protocol.ErrorCode#INVALID_REQUEST}; messages name the field, never its value.
 */
package dev.shomei.protocol.cert;
