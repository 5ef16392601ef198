/**
 * The line's wire format. A frame is an 8-byte header and a payload:
 *
 * <pre>
 * offset  size  field
 *   0      2    magic   53 48 ("SH")
 *   2      1    version 01
 *   3      1    message type (see {@link dev.shomei.protocol.line.MessageType})
 *   4      4    payload length, unsigned big-endian, at most the pipeline's limit (8 MiB default)
 *   8      n    payload
 * </pre>
 *
 * e.g. {@code 53 48 01 10 00 00 00 00} is a municipality list request (type 0x10, empty payload).
 * The payload is a fixed sequence of fields per message type, written by {@link
 * dev.shomei.protocol.line.codec.PayloadCodec} with {@link dev.shomei.protocol.line.codec.PayloadWriter}
 * and read back with {@link dev.shomei.protocol.line.codec.PayloadReader}. Every violation is a
 * {@link dev.shomei.protocol.line.codec.LineProtocolException}. {@code docs/protocol.md} lists every
 * field of every message with a hex example.
 */
package dev.shomei.protocol.line.codec;
