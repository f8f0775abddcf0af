package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A plain {@code java.net.http} client of a sandbox org, for what camel-salesforce hides: raw status
 * codes, raw bodies of error answers and the OAuth endpoint's answers.
 */
final class SalesforceHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, body as JSON ({@code null} when empty) and the response headers. */
    record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final SandboxOrg org;
    private String accessToken;

    SalesforceHttp(SandboxOrg org) {
        this.org = org;
    }

    /** Logs in with the password grant (as camel does) and keeps the access token for {@link #send}. */
    SalesforceHttp login() {
        SandboxOrgSettings s = org.settings();
        Answer login = token("grant_type=password&client_id=" + s.clientId() + "&client_secret=" + s.clientSecret()
                + "&username=" + s.username().replace("@", "%40") + "&password=" + s.password());
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        accessToken = login.body().get("access_token").asText();
        return this;
    }

    /** {@code POST /services/oauth2/token} with a form body. */
    Answer token(String form) {
        return exchange(HttpRequest.newBuilder(URI.create(org.loginUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A REST call with the session of {@link #login()}; {@code path} starts with {@code /services/}. */
    Answer send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(org.loginUrl() + path))
                .header("Authorization", "Bearer " + accessToken)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    private Answer exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
