package kensaku.search;

/** A request that cannot be answered as asked; carries what a client needs to fix it. */
public final class BadRequestException extends RuntimeException {
    private final String param;
    private final String code;

    public BadRequestException(String param, String code, String message) {
        super(message);
        this.param = param;
        this.code = code;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
