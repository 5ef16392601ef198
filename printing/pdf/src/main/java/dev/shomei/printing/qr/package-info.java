/**
 * QR codes for the certificate: an encoder that takes explicit segments (ZXing's own encoder picks
 * one mode per symbol, but a SMART Health Card must be a byte segment {@code shc:/} followed by a
 * numeric segment), choosing the smallest version within a cap. ZXing supplies the version tables,
 * the Reed-Solomon coder and, in tests, the decoder.
 */
package dev.shomei.printing.qr;
