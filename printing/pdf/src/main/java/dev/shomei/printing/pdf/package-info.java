/**
 * The certificate as a PDF, built in memory with PDFBox: A4, the domestic (Japanese) and the
 * overseas (Japanese and English) layouts, QR codes as vector rectangles, a fine background pattern
 * and a micro-text line, a Japanese TrueType font embedded as a subset. Nothing is written to disk.
 *
 * <p>Use: {@code new CertificateRenderer(CertificateFont.fromSystemProperty()).render(CertificateDocument.of(signed))}.
 * One {@link dev.shomei.printing.pdf.CertificateFont} serves every document and thread.
 */
package dev.shomei.printing.pdf;
