/**
 * {@code ./shomei card ...}: write a virtual card file ({@code new}), walk a card read step by
 * step printing OK/NG ({@code read}), put a card file into pcscd's vpcd reader ({@code vpcd}).
 */
package dev.shomei.card.cli;
