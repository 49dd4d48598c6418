using System.Text;

namespace ScoringGrid.Prometheus.Tests.Parsing;

/// Bodies shaped after the examples in the exposition format documentation.
internal static class ParserTestBodies
{
    public const string TextExample =
        """
        # HELP api_http_requests_total Total HTTP requests served.
        # TYPE api_http_requests_total counter
        api_http_requests_total{method="post",code="200"} 1027 1395066363000
        api_http_requests_total{method="post",code="400"}    3 1395066363000

        # Label values may carry escaped backslashes, quotes and line feeds:
        file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9

        # The smallest possible line:
        bare_metric 12.47

        # Infinite values and pre-epoch timestamps are valid:
        odd_metric{problem="division by zero"} +Inf -3982045

        # HELP request_duration_seconds Request duration histogram.
        # TYPE request_duration_seconds histogram
        request_duration_seconds_bucket{le="0.05"} 24054
        request_duration_seconds_bucket{le="0.1"} 33444
        request_duration_seconds_bucket{le="0.2"} 100392
        request_duration_seconds_bucket{le="0.5"} 129389
        request_duration_seconds_bucket{le="1"} 133988
        request_duration_seconds_bucket{le="+Inf"} 144320
        request_duration_seconds_sum 53423
        request_duration_seconds_count 144320

        # HELP rpc_latency_seconds RPC latency summary.
        # TYPE rpc_latency_seconds summary
        rpc_latency_seconds{quantile="0.01"} 3102
        rpc_latency_seconds{quantile="0.05"} 3272
        rpc_latency_seconds{quantile="0.5"} 4773
        rpc_latency_seconds{quantile="0.9"} 9001
        rpc_latency_seconds{quantile="0.99"} 76656
        rpc_latency_seconds_sum 1.7560473e+07
        rpc_latency_seconds_count 2693

        """;

    public const string OpenMetricsExample =
        """
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        # TYPE go_goroutines gauge
        go_goroutines 69
        # TYPE process_cpu_seconds counter
        # UNIT process_cpu_seconds seconds
        # HELP process_cpu_seconds Total user and system CPU time spent in seconds.
        process_cpu_seconds_total 4.20072246e+06 1520879607.789
        # TYPE foo histogram
        foo_bucket{le="0.01"} 0
        foo_bucket{le="1.0"} 5 # {trace_id="KOO5S4vxi0o"} 0.67
        foo_bucket{le="+Inf"} 17 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
        foo_count 17
        foo_sum 324789.3
        # TYPE build info
        build_info{version="1.2.3"} 1
        # EOF

        """;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
