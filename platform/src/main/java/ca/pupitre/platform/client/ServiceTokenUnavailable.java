package ca.pupitre.platform.client;

/** The gateway did not give this service a token: unreachable, refused (a wrong secret), or an unreadable answer. */
public class ServiceTokenUnavailable extends IllegalStateException {

    public ServiceTokenUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
