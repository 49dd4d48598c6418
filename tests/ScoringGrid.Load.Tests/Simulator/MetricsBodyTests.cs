using System.Globalization;
using ScoringGrid.PlatformSimulator;

namespace ScoringGrid.Load.Tests.Simulator;

/// <summary>The simulator keeps its gauge text between bodies: counters must still advance, and a mode or device change must show.</summary>
public class MetricsBodyTests
{
    private static async Task<(string Body, long? ContentLength)> GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentLength);
    }

    private static string Value(string body, string series) =>
        body.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..];

    [Fact]
    public async Task CountersAdvancePerBody_ResetInCounterResetMode_AndGaugesFollowTheMode()
    {
        await using var simulator = await PlatformSimulator.PlatformSimulator.StartAsync(
            new SimulatorOptions { Mode = SimulatorMode.CounterReset, ResetEvery = 3, DeviceTypes = 5 });
        using var http = new HttpClient();
        for (var n = 1; n <= 7; n++)
        {
            var (body, length) = await GetAsync(http, simulator.MetricsUrl);
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), length);
            var k = ((n - 1) % 3) + 1;
            Assert.Equal((k * 100).ToString(CultureInfo.InvariantCulture), Value(body, "iiot_model_calls_total"));
            Assert.Equal((k * 1000).ToString(CultureInfo.InvariantCulture), Value(body, "data_rw_ops_total"));
            Assert.Equal((10 * n).ToString(CultureInfo.InvariantCulture), Value(body, "sim_request_duration_seconds_count"));
            Assert.Equal((0.9 * n).ToString("R", CultureInfo.InvariantCulture), Value(body, "sim_request_duration_seconds_sum"));
            Assert.Equal("1000", Value(body, "iiot_devices_connected{industry=\"ind0\",type=\"t00\"}"));
            Assert.EndsWith("sim_request_duration_seconds_count " + Value(body, "sim_request_duration_seconds_count") + "\n", body, StringComparison.Ordinal);
        }

        simulator.Mode = SimulatorMode.Growing; // body 8: 5,000 + 7 × 10 devices
        Assert.Equal("1014", Value((await GetAsync(http, simulator.MetricsUrl)).Body, "iiot_devices_connected{industry=\"ind0\",type=\"t00\"}"));
        simulator.Mode = SimulatorMode.Lying; // half of everything
        var lying = (await GetAsync(http, simulator.MetricsUrl)).Body;
        Assert.Equal("500", Value(lying, "iiot_devices_connected{industry=\"ind0\",type=\"t00\"}"));
        Assert.Equal("450", Value(lying, "iiot_model_calls_total"));
    }
}
