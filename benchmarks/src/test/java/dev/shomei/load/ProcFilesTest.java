package dev.shomei.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing of the /proc files the load generator reads for CPU, memory, limits and port owners. */
class ProcFilesTest {
    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheCommandName() {
        // fields 14 (utime) = 1500 and 15 (stime) = 250; the name "(my java)" holds a space and a ')'
        String stat = "4242 (my java) x) S 1 4242 4242 0 -1 4194560 123 0 0 0 1500 250 0 0 20 0 42 0 100 0 0";
        assertEquals(1750, ProcessStats.cpuTicks(stat));
    }

    @Test
    void residentMemoryFromStatus() {
        assertEquals(239_104, ProcessStats.residentKb("Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  239104 kB\nThreads:\t42\n"));
        assertEquals(0, ProcessStats.residentKb("Name:\tkthreadd\n"));
    }

    @Test
    void cpuPercentIsTicksPerSecondOfWallTime() {
        ProcessStats.Sample before = new ProcessStats.Sample(1, 1_000, 100, 0, 0);
        ProcessStats.Sample after = new ProcessStats.Sample(1, 1_250, 130, 0, 10_000_000_000L); // 250 ticks in 10 s
        assertEquals(25.0, after.cpuPercentSince(before), 1e-9);
        assertEquals(3.0, after.gcPercentSince(before), 1e-9, "30 of them in GC threads");
    }

    @Test
    void gcThreadsAreKnownByTheirHotSpotNames() {
        assertTrue(ProcessStats.isGcThread("4243 (GC Thread#1) S 1 4242 4242 0 -1 0 0 0 0 0 7 1 0 0"));
        assertTrue(ProcessStats.isGcThread("4244 (G1 Conc#0) S 1 4242 4242 0 -1 0 0 0 0 0 7 1 0 0"));
        assertTrue(ProcessStats.isGcThread("4245 (G1 Refine#0) S 1 4242 4242 0 -1 0 0 0 0 0 7 1 0 0"));
        assertTrue(!ProcessStats.isGcThread("4246 (virtual-line-1) S 1 4242 4242 0 -1 0 0 0 0 0 7 1 0 0"));
        assertTrue(!ProcessStats.isGcThread("4247 (C2 CompilerThre) S 1 4242 4242 0 -1 0 0 0 0 0 7 1 0 0"));
    }

    @Test
    void thisProcessCanBeSampled() {
        ProcessStats.Sample sample = ProcessStats.sample(ProcessHandle.current().pid()).orElseThrow();
        assertTrue(sample.residentKb() > 0);
        assertTrue(sample.gcTicks() >= 0 && sample.gcTicks() <= sample.cpuTicks(), "the GC threads are some of the process's");
        assertTrue(ProcessStats.sample(Integer.MAX_VALUE - 7).isEmpty(), "no such process");
    }

    @Test
    void aListeningRowOfProcNetTcp() {
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
        String listening = "   0: 0100007F:20E4 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 771234 1 0000000000000000 100 0 0 10 0";
        String established = "   1: 0100007F:20E4 0100007F:D3A2 01 00000000:00000000 00:00000000 00000000     0        0 771299 1 0000000000000000 20 4 30 10 -1";
        assertEquals(Optional.empty(), PortOwner.listeningInode(header, 8420));
        assertEquals(Optional.of("771234"), PortOwner.listeningInode(listening, 8420)); // 0x20E4 = 8420
        assertEquals(Optional.empty(), PortOwner.listeningInode(listening, 8421));
        assertEquals(Optional.empty(), PortOwner.listeningInode(established, 8420));
    }

    @Test
    void findsThisProcessBehindItsOwnListeningSocket() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(ProcessHandle.current().pid(), PortOwner.pidListeningOn(socket.getLocalPort()).orElseThrow());
        }
    }

    @Test
    void openFileLimit() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max cpu time              unlimited            unlimited            seconds
                Max open files            20000                20000                files
                """;
        assertEquals(20_000, FileLimits.parse(limits).getAsLong());
        assertTrue(FileLimits.parse("Max open files            unlimited            unlimited            files\n").isEmpty());
        assertTrue(FileLimits.openFiles("self").isPresent());
    }

    @Test
    void heapFiguresFromAGcLog() {
        GcLog log = GcLog.parse(List.of(
                "[0.011s][info][gc] Using G1",
                "[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(512M) 4.321ms",
                "[5.918s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 310M->42M(500M) 8.100ms",
                "[9.001s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 120M->60M(256M) 2.0ms",
                "[9.501s][info][gc] GC(3) Pause Full (System.gc()) 2048K->1024K(1G) 9.0ms"));
        assertEquals(4, log.collections());
        assertEquals(310, log.peakBeforeMb(), 1e-9);
        assertEquals(60, log.peakAfterMb(), 1e-9);
        assertEquals(1024, log.peakCommittedMb(), 1e-9);
    }
}
