/**
 * What a verifier at a border or a venue runs: find every QR code on every page of a certificate
 * (PDF or image), decode it, verify its signature against trusted keys, and say what it states.
 */
package dev.shomei.printing.verify;
