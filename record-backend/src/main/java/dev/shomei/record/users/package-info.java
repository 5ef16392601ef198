/**
 * Clerk console users: ids issued by an administrator with an expiry and a role of least privilege,
 * PBKDF2 passwords, TOTP second factor, lockout, shared ids with their named people and terminals.
 * Every change is written to the audit log in the same transaction.
 */
package dev.shomei.record.users;
