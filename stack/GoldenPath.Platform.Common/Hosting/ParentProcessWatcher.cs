using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Platform.Common.Hosting;

/// <summary>Stops the service once GOLDENPATH_PARENT_PID is gone, so a killed test run leaves no service behind.</summary>
public sealed class ParentProcessWatcher(int parentPid, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                if (!IsAlive(parentPid))
                {
                    logger.LogWarning("Parent process {Pid} is gone; stopping", parentPid);
                    lifetime.StopApplication();
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The service is stopping for another reason.
        }
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return IsAliveOnLinux(pid);
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // An unreaped zombie still has a /proc entry (PID 1 here does not reap orphans): count it as gone.
    private static bool IsAliveOnLinux(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
