/**
 * The line's Netty set-up, shared by the center (server) and the kiosk (client): the pipeline in a
 * fixed order ({@link dev.shomei.protocol.line.transport.LinePipeline}), its settings, a small
 * server and client, and graceful shutdown.
 */
package dev.shomei.protocol.line.transport;
