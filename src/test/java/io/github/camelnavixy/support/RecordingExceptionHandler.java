package io.github.camelnavixy.support;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An exceptionHandler bean that keeps what the consumer reported, for assertions. */
public class RecordingExceptionHandler implements ExceptionHandler {

    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        messages.add(String.valueOf(message));
        errors.add(exception);
    }

    public List<Throwable> errors() {
        return errors;
    }

    public List<String> messages() {
        return messages;
    }

    public <T extends Throwable> List<T> errorsOf(Class<T> type) {
        return errors.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
