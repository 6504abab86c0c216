package io.camelupbit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal proxy on loopback for tests, speaking HTTP CONNECT or SOCKS5 (no authentication, CONNECT command):
 * tunnels bytes and records each requested target.
 */
public final class LoopbackProxy implements AutoCloseable {

    /** The protocol the proxy speaks. */
    public enum Protocol { HTTP, SOCKS5 }

    private final Protocol protocol;
    /** The credentials the proxy asks for, {@code null} for none. */
    private final String username;
    private final String password;
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-loopback-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public LoopbackProxy(Protocol protocol) throws IOException {
        this(protocol, null, null);
    }

    /** A proxy that tunnels only for these credentials (HTTP Basic, or SOCKS5 username/password). */
    public LoopbackProxy(Protocol protocol, String username, String password) throws IOException {
        this.protocol = protocol;
        this.username = username;
        this.password = password;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The requests refused for missing or wrong credentials. */
    public List<String> refusals() {
        return refusals;
    }

    /** The {@code host:port} of every tunnel requested so far. */
    public List<String> targets() {
        return targets;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            String target = protocol == Protocol.HTTP ? httpConnect(client) : socks5Connect(client);
            if (target == null) {
                client.close();
                return;
            }
            targets.add(target);
            int colon = target.lastIndexOf(':');
            Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
            sockets.add(upstream);
            client.getOutputStream().write(protocol == Protocol.HTTP
                    ? "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII)
                    // succeeded; bound address 0.0.0.0:0
                    : new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            threads.execute(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Reads a CONNECT request; returns its target, or null (answered 405 or 407) when it cannot have one. */
    private String httpConnect(Socket client) throws IOException {
        String[] lines = readHead(client.getInputStream()).split("\r\n");
        String[] line = lines[0].split(" ");
        if (!"CONNECT".equals(line[0])) {
            client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return null;
        }
        if (username != null) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
            boolean authorized = Arrays.stream(lines)
                    .anyMatch(h -> h.regionMatches(true, 0, "Proxy-Authorization: ", 0, 21)
                            && h.substring(21).trim().equals(expected));
            if (!authorized) {
                refusals.add(line[1]);
                client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                return null;
            }
        }
        return line[1];
    }

    /**
     * RFC 1928: greeting (answered "no authentication", or "username/password" with RFC 1929's exchange when the
     * proxy has credentials), then a CONNECT request; returns its target, or null when refused.
     */
    private String socks5Connect(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) {
            return null;
        }
        byte[] methods = new byte[in.readUnsignedByte()];
        in.readFully(methods);
        if (username == null) {
            out.write(new byte[] {5, 0});
        } else {
            boolean offered = false;
            for (byte method : methods) {
                offered |= method == 2;
            }
            if (!offered) {
                refusals.add("no username/password method offered");
                out.write(new byte[] {5, (byte) 0xFF});
                return null;
            }
            out.write(new byte[] {5, 2});
            if (in.readUnsignedByte() != 1) {
                return null;
            }
            byte[] user = new byte[in.readUnsignedByte()];
            in.readFully(user);
            byte[] pass = new byte[in.readUnsignedByte()];
            in.readFully(pass);
            boolean ok = username.equals(new String(user, StandardCharsets.UTF_8))
                    && password.equals(new String(pass, StandardCharsets.UTF_8));
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            if (!ok) {
                refusals.add("wrong credentials");
                return null;
            }
        }
        byte[] head = new byte[4];
        in.readFully(head);
        if (head[0] != 5 || head[1] != 1) {
            out.write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
            return null;
        }
        String host = switch (head[3]) {
            case 1 -> {
                byte[] ip = new byte[4];
                in.readFully(ip);
                yield InetAddress.getByAddress(ip).getHostAddress();
            }
            case 3 -> {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                yield new String(name, StandardCharsets.US_ASCII);
            }
            default -> throw new IOException("address type " + head[3] + " not supported by the test proxy");
        };
        return host + ":" + in.readUnsignedShort();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before the request ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(LoopbackProxy::closeQuietly);
        threads.shutdownNow();
    }
}
