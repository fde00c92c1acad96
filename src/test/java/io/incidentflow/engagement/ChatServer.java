package io.incidentflow.engagement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Webhook receivers on a free loopback port: keeps each posted body by path, answers 200 unless told otherwise. */
final class ChatServer implements AutoCloseable {

    record Post(String path, String body) {
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private final HttpServer server;

    ChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void fail(String path, int status) {
        statusByPath.put(path, status);
    }

    List<String> eventsAt(String path) {
        return posts.stream().filter(post -> post.path().equals(path))
                .map(post -> post.body().replaceAll("(?s).*\"event\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        posts.add(new Post(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(statusByPath.getOrDefault(path, 200), answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
