package io.camelupbit;

import java.util.Arrays;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of one {@code upbit:} endpoint. */
@UriParams
public class UpbitConfiguration {

    /** Data types this version serves. */
    static final String TYPES = "ticker";

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}");

    @UriPath(enums = TYPES)
    @Metadata(required = true)
    private String type;

    @UriParam
    private String codes;

    public String getType() {
        return type;
    }

    /** The Upbit data type to receive. */
    public void setType(String type) {
        this.type = type;
    }

    public String getCodes() {
        return codes;
    }

    /**
     * Comma-separated market codes, e.g. KRW-BTC,KRW-ETH. Lower case is accepted and upper-cased.
     */
    public void setCodes(String codes) {
        this.codes = codes;
    }

    /**
     * Checks the options and returns the normalized market codes.
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    SortedSet<String> validatedCodes() {
        if (!Arrays.asList(TYPES.split(",")).contains(type)) {
            throw new IllegalArgumentException(
                    "Unknown Upbit type '" + type + "' in upbit:" + type + ": use one of " + TYPES);
        }
        if (codes == null || codes.isBlank()) {
            throw new IllegalArgumentException(
                    "Option codes is required for upbit:" + type + ": give market codes such as codes=KRW-BTC,KRW-ETH");
        }
        SortedSet<String> result = new TreeSet<>();
        for (String part : codes.split(",")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Option codes has a malformed market code '" + part.trim()
                        + "': use QUOTE-BASE such as KRW-BTC, BTC-ETH or USDT-XRP");
            }
            result.add(code);
        }
        return result;
    }
}
