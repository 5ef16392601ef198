/** Command-line entry points of the printing module ({@code ./shomei verify}). */
package dev.shomei.printing.cli;
