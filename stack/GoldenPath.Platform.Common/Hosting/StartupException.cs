namespace GoldenPath.Platform.Common.Hosting;

/// <summary>A dependency that stayed unavailable for the whole startup budget.</summary>
public sealed class StartupException(string message) : Exception(message);
