using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GoldenPath.Runner.Slo;

namespace GoldenPath.Runner.Scale;

/// <summary>
/// The options of <c>scale</c>. Each overrides one value of the environment's "scale" section for this run (as the
/// GOLDENPATH__Scale__ variable of its name), so the Category=Scale spec run by this process's children sees the same plan.
/// </summary>
internal sealed class ScaleOptions
{
    public Option<int?> Users { get; } = new("--users") { Description = "users connected at once (default: the environment's scale.users, 1000)", HelpName = "N" };

    public Option<int?> Runs { get; } = new("--runs") { Description = "runs each user sends (default 2)", HelpName = "R" };

    public Option<int?> Tabs { get; } = new("--tabs") { Description = "tabs of a multi-tab user (default 2)", HelpName = "T" };

    public Option<double?> TabbedShare { get; } = new("--tabbed-share") { Description = "the share of users with that many tabs (default 0.1)", HelpName = "F" };

    public Option<string?> RampUp { get; } = new("--ramp-up") { Description = "spread the connections, then the first messages, over this long (default 5s)", HelpName = "D" };

    public Option<string?> Label { get; } = new("--label") { Description = "the stack's name in the benchmarks table row (default: the stack provider)", HelpName = "TEXT" };

    public ScaleOptions()
    {
        Users.Validators.Add(r => AtLeast(r, r.GetValueOrDefault<int?>(), 2, "--users"));
        Runs.Validators.Add(r => AtLeast(r, r.GetValueOrDefault<int?>(), 1, "--runs"));
        Tabs.Validators.Add(r => AtLeast(r, r.GetValueOrDefault<int?>(), 1, "--tabs"));
        TabbedShare.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is < 0 or > 1)
            {
                r.AddError("--tabbed-share takes a share between 0 and 1");
            }
        });
        RampUp.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && text.Trim() != "0" && SloOptions.ParseDuration(text) is null)
            {
                r.AddError($"--ramp-up takes 0, seconds or a number with s or m (5, 5s, 1m); got '{text}'");
            }
        });
    }

    public IEnumerable<Option> All => [Users, Runs, Tabs, TabbedShare, RampUp, Label];

    /// <summary>The environment's scale settings the options ask for (Scale__Users…), for <see cref="Cli.RunSettings.Overrides"/>.</summary>
    public IReadOnlyDictionary<string, string> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string>();
        void Set(string name, string? value)
        {
            if (value is not null)
            {
                overrides["Scale__" + name] = value;
            }
        }

        Set("Users", parse.GetValue(Users)?.ToString(CultureInfo.InvariantCulture));
        Set("RunsPerUser", parse.GetValue(Runs)?.ToString(CultureInfo.InvariantCulture));
        Set("Tabs", parse.GetValue(Tabs)?.ToString(CultureInfo.InvariantCulture));
        Set("TabbedShare", parse.GetValue(TabbedShare)?.ToString(CultureInfo.InvariantCulture));
        Set("RampUpSeconds", parse.GetValue(RampUp) is { } ramp ? (ramp.Trim() == "0" ? 0 : SloOptions.ParseDuration(ramp)!.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null);
        return overrides;
    }

    private static void AtLeast(OptionResult result, int? value, int least, string name)
    {
        if (value < least)
        {
            result.AddError($"{name} takes a number, {least} or more");
        }
    }
}
