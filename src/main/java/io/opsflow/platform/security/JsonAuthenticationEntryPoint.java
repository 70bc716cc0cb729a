package io.opsflow.platform.security;

import io.opsflow.platform.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 with a JSON body for API callers; says why when the account is locked or disabled. */
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Opsflow\", charset=\"UTF-8\"");
        String message = failure instanceof LockedException || failure instanceof DisabledException
                ? failure.getMessage()
                : "Authentication required: send HTTP Basic credentials of an Opsflow user.";
        JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", message);
    }
}
