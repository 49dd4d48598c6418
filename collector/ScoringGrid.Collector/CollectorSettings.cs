namespace ScoringGrid.Collector.Service;

// Command line: --targets FILE, --redis CONFIG, --listen URL.
internal sealed record CollectorSettings(string? TargetsFile, string Redis, string Listen)
{
    public static CollectorSettings Parse(string[] args)
    {
        string? targets = null;
        var redis = "127.0.0.1:6379";
        var listen = "http://127.0.0.1:9464";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--targets": targets = value; break;
                case "--redis": redis = value; break;
                case "--listen": listen = value; break;
                default: throw new ArgumentException($"unknown option {args[i]} (expected --targets, --redis, --listen)");
            }

            i++;
        }

        return new CollectorSettings(targets, redis, listen);
    }
}
