using GoldenPath.Fixtures.Environments;

namespace GoldenPath.UnitTests.Environments;

[Unit]
public sealed class EnvironmentLoaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("goldenpath-env-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_repository_local_environment_loads_with_the_protocol_budgets()
    {
        var environment = EnvironmentLoader.Load("local", GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, new Dictionary<string, string?>());

        environment.Stack.Provider.Should().Be(StackProvider.Processes);
        environment.Budgets.Connect.Should().Be(TimeSpan.FromSeconds(5));
        environment.Budgets.FirstEvent.Should().Be(TimeSpan.FromSeconds(2));
        environment.Budgets.Completion.Should().Be(TimeSpan.FromSeconds(30));
        environment.Budgets.MaxGap.Should().Be(TimeSpan.FromSeconds(10));
    }

    public static TheoryData<string> RepositoryEnvironments =>
        new(Directory.GetFiles(GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".schema", StringComparison.Ordinal))!);

    [Theory]
    [MemberData(nameof(RepositoryEnvironments))]
    public void Every_environment_file_in_the_repository_loads(string name)
    {
        var environment = EnvironmentLoader.Load(name, GoldenPath.Fixtures.RepositoryLayout.EnvironmentsDirectory, new Dictionary<string, string?>());

        environment.Name.Should().Be(name);
        environment.Description.Should().NotBeNullOrWhiteSpace("an environment file says what it targets");
    }

    [Fact]
    public void The_three_targets_exist()
    {
        RepositoryEnvironments.Select(row => row.Data).Should().Contain(["local", "ci", "staging"]);
    }

    [Fact]
    public void A_GOLDENPATH_variable_overrides_a_setting()
    {
        File.WriteAllText(Path.Combine(directory, "x.json"), """{ "budgets": { "connectSeconds": 5 } }""");

        var environment = EnvironmentLoader.Load("x", directory, new Dictionary<string, string?> { ["GOLDENPATH__Budgets__ConnectSeconds"] = "12.5" });

        environment.Budgets.ConnectSeconds.Should().Be(12.5);
    }

    [Fact]
    public void An_unknown_environment_names_the_known_ones()
    {
        File.WriteAllText(Path.Combine(directory, "staging.json"), "{}");

        var load = () => EnvironmentLoader.Load("nope", directory, new Dictionary<string, string?>());

        load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*'nope' not found*Known environments: staging*GOLDENPATH_ENV*");
    }

    [Fact]
    public void A_remote_environment_without_urls_says_which_setting_is_missing()
    {
        File.WriteAllText(Path.Combine(directory, "remote.json"), """{ "stack": { "provider": "Remote" }, "endpoints": { "auth": "https://auth.example" } }""");

        var load = () => EnvironmentLoader.Load("remote", directory, new Dictionary<string, string?>());

        load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*endpoints.backend is missing*GOLDENPATH__Endpoints__Backend*");
    }

    [Fact]
    public void The_frontend_comes_from_the_file_or_its_override_and_must_be_http()
    {
        File.WriteAllText(Path.Combine(directory, "remote.json"), """{ "stack": { "provider": "Remote" }, "endpoints": { "auth": "https://auth.example", "backend": "https://api.example", "webSocket": "wss://api.example/ws", "frontend": "https://chat.example/app" } }""");

        EnvironmentLoader.Load("remote", directory, new Dictionary<string, string?>()).Endpoints.Frontend.Should().Be("https://chat.example/app");
        EnvironmentLoader.Load("remote", directory, new Dictionary<string, string?> { ["GOLDENPATH__Endpoints__Frontend"] = "http://127.0.0.1:8080/" })
            .Endpoints.Frontend.Should().Be("http://127.0.0.1:8080/");
        var load = () => EnvironmentLoader.Load("remote", directory, new Dictionary<string, string?> { ["GOLDENPATH__Endpoints__Frontend"] = "wss://chat.example" });
        load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*endpoints.frontend is not an http:// or https:// URL*GOLDENPATH__Endpoints__Frontend*");
    }

    [Fact]
    public void An_unknown_setting_is_an_error_not_ignored()
    {
        File.WriteAllText(Path.Combine(directory, "typo.json"), """{ "budgets": { "conectSeconds": 5 } }""");

        var load = () => EnvironmentLoader.Load("typo", directory, new Dictionary<string, string?>());

        load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*conectSeconds*");
    }

    [Fact]
    public void A_file_that_breaks_the_schema_names_the_file_the_json_path_and_what_was_expected()
    {
        File.WriteAllText(Path.Combine(directory, "bad.json"), """{ "stack": { "provider": "Kubernetes" }, "budgets": { "connectSeconds": -1 }, "isolation": { "users": "many" } }""");

        var load = () => EnvironmentLoader.Load("bad", directory, new Dictionary<string, string?>());

        var message = load.Should().Throw<EnvironmentConfigurationException>().Which.Message;
        message.Should().Contain("bad.json does not match").And.Contain("environment.schema.json");
        message.Should().Contain("$.stack.provider: ").And.Contain("(expected one of \"Processes\", \"Containers\", \"Auto\", \"Remote\")");
        message.Should().Contain("$.budgets.connectSeconds: ");
        message.Should().Contain("$.isolation.users: ");
    }

    [Fact]
    public void Invalid_json_is_reported_with_the_file()
    {
        File.WriteAllText(Path.Combine(directory, "broken.json"), "{ not json");

        var load = () => EnvironmentLoader.Load("broken", directory, new Dictionary<string, string?>());

        load.Should().Throw<EnvironmentConfigurationException>().WithMessage("*broken.json*not valid JSON*");
    }
}
