# The suite, built, as the image the shard and merge Jobs run: docker build -f deploy/kubernetes/runner.Dockerfile -t REGISTRY/goldenpath-runner .
FROM mcr.microsoft.com/dotnet/sdk:10.0
WORKDIR /suite
COPY . .
RUN dotnet build GoldenPath.Tests.sln -c Debug -nologo
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
ENTRYPOINT ["./run-tests.sh"]
