namespace GoldenPath.AuthService.Users;

public sealed record User(string Id, string Email, string? Name);

/// <summary>A user with the stored password hash, only ever read to check a login.</summary>
public sealed record UserAccount(User User, string PasswordHash);
