/**
 * Printer output. {@link dev.shomei.printing.printer.Printer} takes a {@link dev.shomei.printing.printer.PrintJob}
 * (a job name without personal data, the PDF bytes, the number of copies). Two implementations:
 * {@link dev.shomei.printing.printer.IppPrinter} sends the PDF from memory to a CUPS queue over IPP
 * and waits for the job to finish; {@link dev.shomei.printing.printer.PaperTrayPrinter} writes files
 * into a directory it is given (demo and tests).
 */
package dev.shomei.printing.printer;
