using GoldenPath.Platform.Common.Ids;
using GoldenPath.Platform.Common.Storage;
using Npgsql;

namespace GoldenPath.AuthService.Users;

/// <summary>The users table.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource, IdGenerator ids)
{
    /// <summary>Creates the user, or returns null when the email is taken (decided by the unique index, so races are safe).</summary>
    public async Task<User?> CreateAsync(string email, string? name, string passwordHash, CancellationToken cancellationToken)
    {
        var user = new User(await ids.NextAsync(IdKind.User, cancellationToken), email, name);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING");
        command.WithParameters(user.Id, email, name, passwordHash);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? user : null;
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, email, name, password_hash FROM users WHERE email = $1");
        command.WithParameters(email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new UserAccount(ReadUser(reader), reader.GetString(3)) : null;
    }

    public async Task<User?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, email, name FROM users WHERE id = $1");
        command.WithParameters(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
    }

    private static User ReadUser(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
}
