using System.Collections.Concurrent;
using System.Diagnostics;
using RegionalWarehouse.Etl.Submissions;

namespace RegionalWarehouse.Synthetic.Bench;

/// <summary>Adds up, across submissions (and threads), the time the pipeline spends in each of its stages.</summary>
public sealed class StageClock
{
    private readonly ConcurrentDictionary<string, long> _ticks = new();

    public Tracker Track() => new(this);

    public double Seconds(string stage) => _ticks.GetValueOrDefault(stage) / (double)Stopwatch.Frequency;

    /// <summary>Follows one submission: each reported stage runs until the next one, the last until <see cref="Finish"/>.</summary>
    public sealed class Tracker(StageClock clock) : IProgress<PipelineStage>
    {
        private string? _stage;
        private long _started;

        public void Report(PipelineStage value)
        {
            Finish();
            _stage = value.Name;
            _started = Stopwatch.GetTimestamp();
        }

        public void Finish()
        {
            if (_stage is not null)
                clock._ticks.AddOrUpdate(_stage, Stopwatch.GetTimestamp() - _started, (_, t) => t + Stopwatch.GetTimestamp() - _started);
            _stage = null;
        }
    }
}
