package io.camelupbit.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Small helpers shared by the integration tests. */
final class SimTestSupport {

    static final String SUBSCRIBE_BTC_ETH =
            "[{\"ticket\":\"t-1\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]}]";

    private SimTestSupport() {
    }

    /** The connection accepted most recently (waits until the simulator has registered it). */
    static SimConnection awaitLatestConnection(UpbitSimulator sim) {
        await().atMost(Duration.ofSeconds(10)).until(() -> latestId(sim) != null
                && sim.connections().stream().anyMatch(c -> c.id().equals(latestId(sim))));
        String id = latestId(sim);
        return sim.connections().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static String latestId(UpbitSimulator sim) {
        List<HandshakeRecord> accepted = sim.handshakes().stream().filter(HandshakeRecord::accepted).toList();
        return accepted.isEmpty() ? null : accepted.get(accepted.size() - 1).connectionId();
    }

    /**
     * Sends a subscribe message and waits until the simulator has applied it (nothing acknowledges it on the private
     * and info paths): a connection handles its messages in order, so the answer to a following text PING proves it.
     */
    static void subscribe(WsClient client, String request) {
        client.send(request).send("PING");
        assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
    }

    static Map<String, Object> error(WsClient.Frame frame) {
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) Json.object(frame.text()).get("error");
        return error;
    }

    static String errorName(WsClient.Frame frame) {
        return (String) error(frame).get("name");
    }

    /** Whether something accepts TCP connections on this port of 127.0.0.1 (a closed simulator does not). */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
