package dev.tollgate.bench;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One blocking keep-alive HTTP/1.1 connection, used by one thread at a time. */
final class HttpConnection implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;

    HttpConnection(String host, int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        reader = new ResponseReader(socket.getInputStream());
    }

    /** Sends a complete request (head and body) and reads the whole response into {@link #response()}. */
    ResponseReader exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        reader.read();
        return reader;
    }

    ResponseReader response() {
        return reader;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    static byte[] post(String host, int port, String path, String authorization, byte[] json) {
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: */*\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    static byte[] get(String host, int port, String path) {
        return get(host, port, path, null);
    }

    static byte[] get(String host, int port, String path, String authorization) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
