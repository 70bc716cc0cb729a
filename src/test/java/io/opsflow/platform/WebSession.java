package io.opsflow.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session against the running test server, without a browser: keeps the session
 * cookie, follows no redirects (tests look at them) and posts forms with the CSRF token the page
 * they come from carries.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]*)");

    public record Response(int status, String body, String location) {

        public boolean redirectsTo(String path) {
            return location != null && URI.create(location).getPath().equals(path);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String sessionId;

    public WebSession(int port) {
        this(port, null);
    }

    /** A session that sends an existing session cookie, e.g. one kept from before a logout. */
    public WebSession(int port, String sessionId) {
        this.base = "http://localhost:" + port;
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** Opens {@code page}, then posts the fields (name, value, name, value, …) with its CSRF token to {@code action}. */
    public Response submit(String page, String action, String... fields) {
        Matcher token = CSRF.matcher(get(page).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        List<String> withToken = new ArrayList<>(List.of(fields));
        withToken.add("_csrf");
        withToken.add(token.group(1));
        return postWithoutToken(action, withToken.toArray(String[]::new));
    }

    public Response postWithoutToken(String action, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    public Response logIn(String user, String password) {
        return submit("/login", "/login", "username", user, "password", password);
    }

    /** A stateless API call with HTTP Basic credentials. */
    public Response getWithBasic(String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + credentials).GET());
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                Matcher session = SESSION_COOKIE.matcher(cookie);
                if (session.lookingAt()) {
                    sessionId = session.group(1).isEmpty() ? null : session.group(1);
                }
            }
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
