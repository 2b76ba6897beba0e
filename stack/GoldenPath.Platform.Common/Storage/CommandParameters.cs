using Npgsql;

namespace GoldenPath.Platform.Common.Storage;

public static class CommandParameters
{
    /// <summary>Binds positional parameters ($1, $2, ...) in order; null becomes SQL NULL.</summary>
    public static NpgsqlCommand WithParameters(this NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
