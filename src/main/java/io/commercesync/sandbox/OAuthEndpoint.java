package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /services/oauth2/token} (password, refresh_token, client_credentials and JWT bearer grants) and
 * {@code /services/oauth2/revoke}. Served on the one host that is both login URL and instance URL.
 */
final class OAuthEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthEndpoint.class);

    private final SandboxOrgSettings settings;
    private final Sessions sessions;
    private final String orgId;
    private final String userId;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    private final ObjectMapper json;

    OAuthEndpoint(SandboxOrgSettings settings, Sessions sessions, String orgId, String userId,
            Supplier<String> baseUrl, Clock clock, ObjectMapper json) {
        this.settings = settings;
        this.sessions = sessions;
        this.orgId = orgId;
        this.userId = userId;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.json = json;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> params = RestCall.decodeQuery(exchange.getRequestURI().getRawQuery());
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        params.putAll(RestCall.decodeQuery(form));
        if (path.equals("/services/oauth2/token") || path.equals("/services/oauth2/token/")) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                oauthError("invalid_request", "must use HTTP POST").writeTo(exchange, json);
                return;
            }
            token(params).writeTo(exchange, json);
        } else if (path.equals("/services/oauth2/revoke") || path.equals("/services/oauth2/revoke/")) {
            sessions.revoke(params.get("token"));
            LOG.info("token revoked");
            ApiResponse.of(200, null).writeTo(exchange, json);
        } else {
            ApiErrors.notFound().toResponse().writeTo(exchange, json);
        }
    }

    private ApiResponse token(Map<String, String> p) {
        String grant = p.get("grant_type");
        if (JWT_GRANT.equals(grant)) {
            ApiResponse refused = checkJwt(p.get("assertion"));
            if (refused != null) {
                return refused;
            }
            return issue(grant);
        }
        if (grant == null || !(grant.equals("password") || grant.equals("refresh_token")
                || grant.equals("client_credentials"))) {
            LOG.info("login refused: unsupported grant type {}", grant);
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        if (!settings.clientId().equals(p.get("client_id"))) {
            LOG.info("login refused: unknown client_id");
            return oauthError("invalid_client_id", "client identifier invalid");
        }
        String secret = p.get("client_secret");
        switch (grant) {
            case "password":
                if (!settings.clientSecret().equals(secret)) {
                    LOG.info("login refused: wrong client secret");
                    return oauthError("invalid_client", "invalid client credentials");
                }
                if (!settings.username().equalsIgnoreCase(p.get("username"))
                        || !settings.password().equals(p.get("password"))) {
                    LOG.info("login refused for {}: authentication failure", p.get("username"));
                    return oauthError("invalid_grant", "authentication failure");
                }
                break;
            case "refresh_token":
                if (secret != null && !settings.clientSecret().equals(secret)) {
                    LOG.info("refresh refused: wrong client secret");
                    return oauthError("invalid_client", "invalid client credentials");
                }
                if (!SandboxOrg.REFRESH_TOKEN.equals(p.get("refresh_token"))) {
                    LOG.info("refresh refused: unknown refresh token");
                    return oauthError("invalid_grant", "expired access/refresh token");
                }
                break;
            default:
                if (!settings.clientSecret().equals(secret)) {
                    LOG.info("client credentials refused: wrong client secret");
                    return oauthError("invalid_client", "invalid client credentials");
                }
        }
        return issue(grant);
    }

    private ApiResponse issue(String grant) {
        String accessToken = sessions.issue();
        String issuedAt = Long.toString(clock.millis());
        String id = baseUrl.get() + "/id/" + orgId + "/" + userId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        if (!grant.equals("password")) {
            body.put("scope", grant.equals("refresh_token") ? "refresh_token api" : "api");
        }
        body.put("instance_url", baseUrl.get());
        body.put("id", id);
        body.put("token_type", "Bearer");
        if (!grant.equals(JWT_GRANT)) {
            body.put("issued_at", issuedAt);
            body.put("signature", sign(id + issuedAt));
        }
        LOG.info("login ok: grant {} for {}", grant, settings.username());
        return ApiResponse.of(200, body);
    }

    static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private volatile PublicKey jwtSigner;

    void trustJwtSigner(PublicKey key) {
        this.jwtSigner = key;
    }

    /**
     * Checks a JWT bearer assertion as Salesforce does: RS256 signature by the connected app's
     * certificate, {@code iss} = client id, {@code sub} = the user, {@code aud} = the login URL (or
     * login/test.salesforce.com), {@code exp} (number or string, seconds) not passed. Padded and
     * unpadded base64url are accepted. Returns the refusal, or {@code null} when the assertion is good.
     */
    private ApiResponse checkJwt(String assertion) {
        PublicKey key = jwtSigner;
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (key == null || parts.length != 3) {
            LOG.info("jwt refused: {}", key == null ? "no certificate registered" : "not a JWT");
            return oauthError("invalid_grant", "invalid assertion");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            Map<?, ?> header = json.readValue(b64.decode(parts[0]), Map.class);
            Map<?, ?> claims = json.readValue(b64.decode(parts[1]), Map.class);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!"RS256".equals(header.get("alg")) || !rsa.verify(b64.decode(parts[2]))) {
                LOG.info("jwt refused: bad signature");
                return oauthError("invalid_grant", "invalid assertion");
            }
            if (!settings.clientId().equals(claims.get("iss"))) {
                LOG.info("jwt refused: unknown issuer");
                return oauthError("invalid_client_id", "client identifier invalid");
            }
            String aud = String.valueOf(claims.get("aud")).replaceAll("/+$", "");
            if (!aud.equals(baseUrl.get()) && !aud.equals("https://login.salesforce.com")
                    && !aud.equals("https://test.salesforce.com")) {
                LOG.info("jwt refused: audience {}", aud);
                return oauthError("invalid_grant", "audience is invalid");
            }
            long exp = Long.parseLong(String.valueOf(claims.get("exp")));
            if (exp * 1000 < clock.millis()) {
                LOG.info("jwt refused: expired");
                return oauthError("invalid_grant", "expired authorization code");
            }
            if (!settings.username().equalsIgnoreCase(String.valueOf(claims.get("sub")))) {
                LOG.info("jwt refused: unknown subject");
                return oauthError("invalid_grant", "user hasn't approved this consumer");
            }
            return null;
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            LOG.info("jwt refused: {}", e.toString());
            return oauthError("invalid_grant", "invalid assertion");
        }
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exactly {@code {"error","error_description"}}: camel parses it without ignoring unknown keys. */
    private static ApiResponse oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ApiResponse.of(400, body);
    }
}
