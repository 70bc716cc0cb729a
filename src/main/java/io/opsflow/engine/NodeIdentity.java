package io.opsflow.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The name this node uses as Flowable's job lock owner. It must stay the same across restarts so a
 * restarted node releases its own stale locks at once instead of waiting for them to expire.
 */
@Component
public class NodeIdentity {

    private final String id;

    NodeIdentity(@Value("${opsflow.node.id:}") String configured, @Value("${server.port:8080}") String port) {
        this.id = StringUtils.hasText(configured) ? configured.trim() : hostName() + ":" + port;
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
