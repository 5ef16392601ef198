/**
 * The clerk console (issue 8) on the console port: server-rendered HTML pages without scripts, for
 * municipal clerks, supervisors, user administrators and national/prefecture statistics users.
 * Every page goes through {@link dev.shomei.record.console.ConsoleRouter}: security headers, session,
 * CSRF on every POST, role check, audit, and one error mapping. Text reaches HTML only through
 * {@link dev.shomei.record.console.Html}, which escapes it. The My Number is never read here.
 */
package dev.shomei.record.console;
