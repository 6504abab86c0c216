package io.camelupbit;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.camelupbit.auth.UpbitCredentials;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.TypeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad URIs fail at route start with a message naming the option and what is allowed. */
class UpbitEndpointUriTest extends UpbitRouteTestSupport {

    @Override
    protected String upbitUrl() {
        return "ws://127.0.0.1:9/websocket/v1";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            upbit:tick?codes=KRW-BTC                          | Unknown Upbit type 'tick' in upbit:tick: use one of ticker,trade,orderbook,candle.1s,candle.1m,candle.3m,candle.5m,candle.10m,candle.15m,candle.30m,candle.60m,candle.240m,myOrder,myAsset
            upbit:candle.2m?codes=KRW-BTC                     | Unknown candle unit '2m' in upbit:candle.2m: use one of 1s,1m,3m,5m,10m,15m,30m,60m,240m
            upbit:ticker                                      | Option codes is required for upbit:ticker: give market codes such as codes=KRW-BTC,KRW-ETH
            upbit:candle.1m?codes=                            | Option codes is required for upbit:candle.1m
            upbit:ticker?codes=KRW-BTC,BTC                    | Option codes has a malformed market code 'BTC': use QUOTE-BASE such as KRW-BTC
            upbit:orderbook?codes=KRW-BTC.15                  | (for the orderbook depth use the depth option)
            upbit:orderbook?codes=KRW-BTC&depth=10            | Option depth has an invalid value '10': use one of 1,5,15,30
            upbit:trade?codes=KRW-BTC&depth=5                 | Option depth is only for upbit:orderbook, not upbit:trade
            upbit:ticker?codes=KRW-BTC&level=10000            | Option level is only for upbit:orderbook, not upbit:ticker
            upbit:orderbook?codes=BTC-ETH&level=10            | Option level applies to KRW markets only, but codes has BTC-ETH
            upbit:orderbook?codes=KRW-BTC&level=-1            | Option level must be 0 or a positive price unit
            upbit:trade?codes=KRW-BTC&closedOnly=true         | Option closedOnly is only for candle types
            upbit:ticker?codes=KRW-BTC&snapshotMode=snapshot  | Option snapshotMode has an invalid value 'snapshot': use one of both,snapshotOnly,realtimeOnly
            upbit:ticker?codes=KRW-BTC&bodyType=xml           | Option bodyType has an invalid value 'xml': use one of event,json
            upbit:myAsset?codes=KRW-BTC&accessKey=a&secretKey=b | Option codes is not allowed for upbit:myAsset
            upbit:myOrder                                     | Options accessKey and secretKey are required for upbit:myOrder
            upbit:myAsset?accessKey=only-the-access-key       | Options accessKey and secretKey are required for upbit:myAsset
            upbit:ticker?codes=KRW-BTC&depht=15               | depht
            upbit:ticker?codes=KRW-BTC&delivery=fast          | Option delivery has an invalid value 'fast': use one of queue,latest
            upbit:ticker?codes=KRW-BTC&overflow=block         | Option overflow has an invalid value 'block': use one of pause,dropOldest
            upbit:ticker?codes=KRW-BTC&mailboxSize=0          | Option mailboxSize must be at least 1
            upbit:trade?codes=KRW-BTC&delivery=latest         | Option delivery=latest keeps only the newest event per market, which would lose events of upbit:trade
            upbit:ticker?codes=KRW-BTC&delivery=latest&overflow=dropOldest | Option overflow applies to delivery=queue only
            upbit:myOrder?overflow=dropOldest&accessKey=a&secretKey=b | Option overflow=dropOldest would lose events of upbit:myOrder (fills and balance changes): use overflow=pause
            upbit:myAsset?overflow=dropOldest&accessKey=a&secretKey=b | Option overflow=dropOldest would lose events of upbit:myAsset
            upbit:candle.1m?codes=KRW-BTC&closedOnly=true&delivery=latest | Option closedOnly cannot be combined with delivery=latest
            upbit:ticker?codes=KRW-BTC&channel=public         | Option channel is only for upbit:connection
            upbit:connection?channel=both                     | Option channel has an invalid value 'both': use one of public,private,info
            upbit:ticker?codes=KRW-BTC&price=100              | Option price is only for the REST operations
            upbit:placeOrder?side=buy&accessKey=a&secretKey=b | Option side has an invalid value 'buy': use one of bid,ask
            upbit:placeOrder?orderType=stop&accessKey=a&secretKey=b | Option orderType has an invalid value 'stop': use one of limit,price,market,best
            upbit:placeOrder?timeInForce=gtc&accessKey=a&secretKey=b | Option timeInForce has an invalid value 'gtc': use one of ioc,fok,post_only
            upbit:placeOrder?smpType=off&accessKey=a&secretKey=b | Option smpType has an invalid value 'off': use one of cancel_maker,cancel_taker,reduce,none
            upbit:openOrders?state=done&accessKey=a&secretKey=b | Option state has an invalid value 'done': use one of wait,watch
            upbit:closedOrders?state=wait&accessKey=a&secretKey=b | Option state has an invalid value 'wait': use one of done,cancel
            upbit:accounts?code=KRW-BTC&accessKey=a&secretKey=b | Option code is for orderChance, placeOrder and testOrder, not upbit:accounts
            upbit:openOrders?code=KRW-BTC&accessKey=a&secretKey=b | (use codes)
            upbit:getOrder?price=1&accessKey=a&secretKey=b    | Options side, orderType, price, volume, timeInForce and smpType are for placeOrder and testOrder
            upbit:accounts?depth=5&accessKey=a&secretKey=b    | upbit:accounts is a REST operation: stream options
            upbit:accounts                                    | Options accessKey and secretKey are required for upbit:accounts
            upbit:openOrders?maxPages=0&accessKey=a&secretKey=b | Option maxPages must be at least 1
            upbit:announcement?categories=trade,trading&accessKey=a&secretKey=b | Option categories has an invalid value 'trading': use one of notice,trade,wallet,maintenance,digital_asset,nft,service,event
            upbit:announcement?codes=KRW-BTC&accessKey=a&secretKey=b | Option codes is not allowed for upbit:announcement
            upbit:announcement?snapshotMode=snapshotOnly&accessKey=a&secretKey=b | Option snapshotMode=snapshotOnly would never deliver anything on upbit:announcement
            upbit:announcement                                | Options accessKey and secretKey are required for upbit:announcement
            upbit:ticker?codes=KRW-BTC&categories=trade       | Option categories is only for upbit:announcement, not upbit:ticker
            upbit:myOrder?includeBody=true&accessKey=a&secretKey=b | Option includeBody is only for upbit:announcement
            upbit:ticker?codes=KRW-BTC&timeframe=5m           | Option timeframe is only for upbit:indicator and upbit:indicator_signal, not upbit:ticker
            upbit:indicator?codes=KRW-BTC&indicators=rsi&accessKey=a&secretKey=b | Option timeframe is required for upbit:indicator: use one of 5m,15m,60m,240m,1d
            upbit:indicator?codes=KRW-BTC&timeframe=1m&indicators=rsi&accessKey=a&secretKey=b | Option timeframe has an invalid value '1m': use one of 5m,15m,60m,240m,1d
            upbit:indicator?codes=KRW-BTC&timeframe=5m&accessKey=a&secretKey=b | Option indicators is required for upbit:indicator: give one or more of volume,rsi,moving_average,ma_crossover,bollinger_bands,macd
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=stochastic&accessKey=a&secretKey=b | Option indicators has an unknown indicator 'stochastic': use one of volume,rsi,moving_average,ma_crossover,bollinger_bands,macd
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi(period=16)&accessKey=a&secretKey=b | Option indicators has an invalid period '16' for rsi: use one of 2,3,4,5,6,7,8,9,10,11,12,13,14,21,25
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=macd(fast=10)&accessKey=a&secretKey=b | Option indicators has an unsupported macd fast=10: Upbit supports fast/slow/signalPeriod 12/26/9 or 8/17/9 or 5/35/5 only
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=bollinger_bands(multiplier=2.04)&accessKey=a&secretKey=b | Option indicators has an invalid multiplier '2.04' for bollinger_bands: use one of 1.0,1.5,2.0,2.5,3.0
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=moving_average(type=WMA)&accessKey=a&secretKey=b | Option indicators has an invalid type 'WMA' for moving_average: use one of SMA,EMA
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi(trigger=overbought)&accessKey=a&secretKey=b | Option indicators has an unknown key 'trigger' for rsi on upbit:indicator: use period
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi,rsi(period=14)&accessKey=a&secretKey=b | Option indicators names rsi(period=14) twice
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi(14)&accessKey=a&secretKey=b | Option indicators has '14' in rsi(...): write key=value
            upbit:indicator?codes=BTC-ETH&timeframe=5m&indicators=rsi&accessKey=a&secretKey=b | Option codes has BTC-ETH but Upbit computes indicators for KRW markets only
            upbit:indicator?timeframe=5m&indicators=rsi&accessKey=a&secretKey=b | Option codes is required for upbit:indicator
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi | Options accessKey and secretKey are required for upbit:indicator
            upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi&delivery=latest&accessKey=a&secretKey=b | Option delivery=latest keeps only the newest event per market, which would lose events of upbit:indicator
            upbit:indicator_signal?codes=KRW-BTC&timeframe=5m&indicators=rsi&accessKey=a&secretKey=b | Option indicators needs a trigger for rsi on upbit:indicator_signal: use one of overbought,oversold
            upbit:indicator_signal?codes=KRW-BTC&timeframe=5m&indicators=rsi(period=2,trigger=overbought)&accessKey=a&secretKey=b | Option indicators has an invalid period '2' for rsi: use one of 7,9,14,21,25
            upbit:indicator_signal?codes=KRW-BTC&timeframe=5m&indicators=rsi(trigger=overbought,threshold=75)&accessKey=a&secretKey=b | Option indicators has an invalid threshold '75' for rsi: use one of 70,80
            upbit:indicator_signal?codes=KRW-BTC&timeframe=5m&indicators=macd(trigger=price_cross_above)&accessKey=a&secretKey=b | Option indicators has an invalid trigger 'price_cross_above' for macd: use one of golden_cross,dead_cross,zero_cross_above,zero_cross_below
            upbit:indicator_signal?codes=KRW-BTC&timeframe=5m&indicators=volume(trigger=volume_spike,multiplier=4)&accessKey=a&secretKey=b | Option indicators has an invalid multiplier '4' for volume: use one of 2.0,3.0,5.0
            upbit:connection?codes=KRW-BTC                    | upbit:connection takes only the channel option
            upbit:myOrder?snapshotMode=snapshotOnly&accessKey=a&secretKey=b | Option snapshotMode=snapshotOnly would never deliver anything on upbit:myOrder
            upbit:myAsset?snapshotMode=snapshotOnly&accessKey=a&secretKey=b | Option snapshotMode=snapshotOnly would never deliver anything on upbit:myAsset
            upbit:myOrder?credentials=#halfKeys               | Option credentials of upbit:myOrder names a bean without an access key and a secret key
            upbit:myOrder?credentials=#keys&accessKey=a       | Option credentials of upbit:myOrder names the keys: do not also set accessKey or secretKey
            upbit:myOrder?credentials=#noSuchBean             | noSuchBean
            upbit:ticker?codes=KRW-BTC&reconcile=false        | Option reconcile is only for upbit:myOrder and upbit:myAsset, not upbit:ticker
            upbit:myOrder?snapshotMode=realtimeOnly&reconcile=true&accessKey=a&secretKey=b | Option reconcile=true contradicts snapshotMode=realtimeOnly
            upbit:accounts?reconcile=true&accessKey=a&secretKey=b | upbit:accounts is a REST operation: stream options (depth, level, closedOnly, channel, categories, includeBody, timeframe, indicators, bodyType, snapshotMode, reconcile) do not apply
            """)
    void badUriFailsAtRouteStart(String uri, String message) {
        context.getRegistry().bind("keys", new UpbitCredentials("a", "b"));
        context.getRegistry().bind("halfKeys", new UpbitCredentials("a", " "));
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("bad").to("log:never");
            }
        })).rootCause().hasMessageContaining(message);
        assertThat(context.getRoute("bad")).isNull();
    }

    @Test
    void indicatorsTakeDefaultsUpbitsKeysAndOneDecimalMultipliers() {
        UpbitEndpoint endpoint = context.getEndpoint("upbit:indicator?codes=KRW-BTC&timeframe=15m&accessKey=a"
                + "&secretKey=b&indicators=rsi,macd(fast=8),ma_crossover(type=ema,short_period=20),"
                + "bollinger_bands(multiplier=2)", UpbitEndpoint.class);

        TypeOptions.Indicators options = (TypeOptions.Indicators) endpoint.spec().options();
        assertThat(options.timeframe()).isEqualTo(IndicatorTimeframe.MINUTE_15);
        assertThat(options.indicators()).extracting(IndicatorChoice::toString).containsExactly(
                "rsi(period=14)",
                "macd(fast=8,slow=17,signalPeriod=9)",
                "ma_crossover(type=EMA,shortPeriod=20,longPeriod=60)",
                "bollinger_bands(period=20,multiplier=2.0)");
        assertThat(options.indicators().get(3).params().multiplier()).isEqualTo(new BigDecimal("2.0"));
    }

    @Test
    void signalsTakeTheirTriggerAndItsDefaultParameter() {
        UpbitEndpoint endpoint = context.getEndpoint("upbit:indicator_signal?codes=KRW-BTC&timeframe=5m&accessKey=a"
                + "&secretKey=b&indicators=rsi(trigger=oversold),volume(trigger=volume_spike,multiplier=3),"
                + "macd(trigger=zero_cross_above)", UpbitEndpoint.class);

        TypeOptions.Indicators options = (TypeOptions.Indicators) endpoint.spec().options();
        assertThat(options.indicators()).extracting(IndicatorChoice::toString).containsExactly(
                "rsi(period=14,trigger=oversold,threshold=30)",
                "volume(period=20,trigger=volume_spike,multiplier=3.0)",
                "macd(fast=12,slow=26,signalPeriod=9,trigger=zero_cross_above)");
    }

    @Test
    void announcementCategoriesAreUpbitsNames() {
        UpbitEndpoint endpoint = context.getEndpoint("upbit:announcement?categories=Wallet,digital_asset"
                + "&includeBody=true&accessKey=a&secretKey=b", UpbitEndpoint.class);

        assertThat(endpoint.spec().options()).isEqualTo(new TypeOptions.Announcement(
                new TreeSet<>(List.of("digital_asset", "wallet")), true));
    }

    @Test
    void lowerCaseCodesAreUpperCased() throws Exception {
        UpbitEndpoint endpoint = context.getEndpoint("upbit:ticker?codes=krw-btc,Krw-Eth", UpbitEndpoint.class);

        assertThat(endpoint.spec().codes()).containsExactly("KRW-BTC", "KRW-ETH");
    }

    @Test
    void aProducerOnAStreamAndAConsumerOnAnOperationAreRefusedWithTheAllowedUses() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("upbit:connection");
            }
        })).rootCause().hasMessageContaining("upbit:connection is a stream that cannot answer in to(...)")
                .hasMessageContaining("use it in from(...)")
                .hasMessageContaining("ticker, trade (the last trade), orderbook and candle.*")
                .hasMessageContaining("accounts,orderChance,placeOrder");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:accounts?accessKey=a&secretKey=b").to("log:never");
            }
        })).rootCause().hasMessageContaining("upbit:accounts is a REST operation: use it in to(...)");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            format       | XML   | Option format has an invalid value 'XML': use one of DEFAULT,SIMPLE,JSON_LIST,SIMPLE_LIST
            region       | JP    | Option region has an invalid value 'JP': use one of KR,SG,ID,TH
            jwtAlgorithm | RS256 | Option jwtAlgorithm has an invalid value 'RS256': use one of HS512,HS256
            """)
    void badComponentOptionFailsAtComponentStart(String option, String value, String message) throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            PropertyBindingSupport.build().withCamelContext(other).withTarget(component)
                    .withProperty(option, value).bind();
            other.addComponent("upbit", component);

            assertThatThrownBy(other::start).rootCause().hasMessage(message);
        }
    }

    @Test
    void plainWebSocketToARemoteHostFailsAtComponentStartUnlessAllowed() throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl("ws://upbit.example.com/websocket/v1");
            other.addComponent("upbit", component);

            assertThatThrownBy(other::start).rootCause()
                    .hasMessageContaining("Option url ws://upbit.example.com/websocket/v1 is not encrypted")
                    .hasMessageContaining("allowInsecure=true");
        }
        try (DefaultCamelContext allowed = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl("ws://upbit.example.com/websocket/v1");
            component.setAllowInsecure(true);
            component.setShutdownQuietPeriod(0);
            allowed.addComponent("upbit", component);

            allowed.start();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            url=ws://127.evil.example:9/websocket/v1                       | Option url ws://127.evil.example:9/websocket/v1 is not encrypted: use wss://, or set allowInsecure=true to allow ws:// to a host that is not a literal loopback address
            url=ws://localhost:9/websocket/v1                              | Option url ws://localhost:9/websocket/v1 is not encrypted
            url=ws://127.0.0.1:9/websocket/v1&proxyHost=127.0.0.1&proxyPort=8 | allowInsecure=true to allow ws:// through a proxy (proxyHost is set)
            privateUrl=ws://10.0.0.5:9/private&allowInsecure=true          | Option privateUrl ws://10.0.0.5:9/private is not encrypted: the private and info channels carry a JWT, orders and balances, so they take wss://, or ws:// to a literal loopback address
            infoUrl=ws://10.0.0.5:9/info&allowInsecure=true                | Option infoUrl ws://10.0.0.5:9/info is not encrypted: the private and info channels carry a JWT
            restUrl=http://10.0.0.5:9&allowInsecure=true                   | Option restUrl http://10.0.0.5:9 is not encrypted: REST requests carry a JWT
            restUrl=ftp://upbit.example.com                               | Option restUrl must be an HTTP URL
            """)
    void plainWebSocketIsAllowedOnlyToALiteralLoopbackAddressReachedDirectly(String options, String message)
            throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl("ws://127.0.0.1:9/websocket/v1");
            PropertyBindingSupport.Builder binding = PropertyBindingSupport.build().withCamelContext(other)
                    .withTarget(component);
            for (String option : options.split("&")) {
                String[] pair = option.split("=", 2);
                binding.withProperty(pair[0], pair[1]);
            }
            binding.bind();
            other.addComponent("upbit", component);

            assertThatThrownBy(other::start).rootCause().hasMessageContaining(message);
        }
    }

    @Test
    void aPrivateRouteIsRefusedWhenTheUrlItFollowsIsPlainToARemoteHostAndPublicRoutesStillRun() throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl("ws://upbit.example.com/websocket/v1");
            component.setAllowInsecure(true);
            component.setAccessKey("a");
            component.setSecretKey("b");
            component.setShutdownQuietPeriod(0);
            other.addComponent("upbit", component);
            other.start();

            assertThatThrownBy(() -> other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:myOrder").to("log:never");
                }
            })).rootCause().hasMessageContaining("Option privateUrl ws://upbit.example.com/websocket/v1/private is not "
                    + "encrypted: the private and info channels").hasMessageContaining("privateUrl follows url when not set");
            assertThatThrownBy(() -> other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi").to("log:never");
                }
            })).rootCause().hasMessageContaining("Option infoUrl ws://upbit.example.com/websocket/v1/info is not "
                    + "encrypted").hasMessageContaining("infoUrl follows url when not set");
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=KRW-BTC").routeId("public").to("log:never");
                }
            });
            assertThat(other.getRoute("public")).isNotNull();
        }
    }

    @Test
    void plainWebSocketToLoopbackLiteralsIsAllowedOnBothChannels() throws Exception {
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "[::1]"}) {
            try (DefaultCamelContext other = new DefaultCamelContext()) {
                UpbitComponent component = new UpbitComponent();
                component.setUrl("ws://" + host + ":9/websocket/v1");
                component.setShutdownQuietPeriod(0);
                other.addComponent("upbit", component);

                other.start();
                assertThat(component.effectivePrivateUrl()).startsWith("ws://" + host);
            }
        }
    }
}
