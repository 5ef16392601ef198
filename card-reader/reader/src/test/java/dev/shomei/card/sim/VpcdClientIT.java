package dev.shomei.card.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.testing.TestCards;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The vpcd wire protocol against a loopback server that speaks like vpcd. */
class VpcdClientIT {

    @Test
    void answersControlMessagesAndApdus() throws Exception {
        VirtualCard card = TestCards.factory().card(TestCards.person(), TestCards.PIN);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             VpcdClient client = VpcdClient.connect(card, "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
             Socket vpcd = server.accept()) {
            DataInputStream in = new DataInputStream(vpcd.getInputStream());
            DataOutputStream out = new DataOutputStream(vpcd.getOutputStream());
            send(out, "01"); // power on: no reply
            send(out, "04"); // get ATR
            assertEquals("3BE000FF8131FE4514", receive(in));
            send(out, "00A4040C0AD3921000310001010408");
            assertEquals("9000", receive(in));
            send(out, "002000910434333231");
            assertEquals("9000", receive(in));
            send(out, "00B0810011");
            assertTrue(receive(in).startsWith("FF100C"));
            send(out, "02"); // reset: no reply, PIN state gone
            send(out, "00A4040C0AD3921000310001010408");
            assertEquals("9000", receive(in));
            send(out, "00B0810011");
            assertEquals("6982", receive(in));
            assertTrue(client.isConnected());
        }
    }

    @Test
    void closingRemovesTheCardAndAHangUpEndsTheSession() throws Exception {
        VirtualCard card = TestCards.factory().card(TestCards.person(), TestCards.PIN);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            VpcdClient client = VpcdClient.connect(card, "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
            try (Socket vpcd = server.accept()) {
                client.close();
                assertFalse(client.isConnected());
                assertThrows(EOFException.class, () -> new DataInputStream(vpcd.getInputStream()).readUnsignedShort());
            }
            VpcdClient second = VpcdClient.connect(card, "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
            server.accept().close(); // vpcd hangs up
            assertTrue(second.awaitDisconnect(Duration.ofSeconds(5)));
        }
    }

    @Test
    void noVpcdWithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        VirtualCard card = TestCards.factory().card(TestCards.person(), TestCards.PIN);
        IOException e = assertThrows(IOException.class,
                () -> VpcdClient.connect(card, "127.0.0.1", port, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("vpcd not reachable"), e.getMessage());
    }

    private static void send(DataOutputStream out, String hex) throws IOException {
        byte[] payload = Hex.parse(hex);
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private static String receive(DataInputStream in) throws IOException {
        byte[] payload = new byte[in.readUnsignedShort()];
        in.readFully(payload);
        return Hex.of(payload);
    }
}
