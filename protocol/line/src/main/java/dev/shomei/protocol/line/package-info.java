/**
 * The line protocol between a kiosk and the certificate center ("the dedicated line"): the
 * messages as immutable records ({@link dev.shomei.protocol.line.LineMessage}) and their value
 * types. The wire format lives in {@code line.codec}, the Netty pipeline in {@code line.transport},
 * the TLS set-up in {@code line.tls}; {@code docs/protocol.md} describes all of it with hex examples.
 *
 * <p>Records validate their fields in their constructors, so a message that exists is a message
 * that can be encoded. Records holding card bytes, a PDF or personal data never print them in
 * {@code toString()}.
 */
package dev.shomei.protocol.line;
