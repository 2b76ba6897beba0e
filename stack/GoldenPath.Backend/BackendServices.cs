using GoldenPath.Backend.Agent;
using GoldenPath.Backend.Events;
using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Http;
using GoldenPath.Backend.Storage;
using GoldenPath.Backend.WebSockets;
using GoldenPath.Platform.Common.Configuration;

namespace GoldenPath.Backend;

public static class BackendServices
{
    public static IServiceCollection AddBackend(this IServiceCollection services) => services
        .AddSingleton<RunFaults>()
        .AddSingleton<IFrameFormat>(provider => provider.GetRequiredService<PlatformDialect>().IsNetraApex
            ? ActivatorUtilities.CreateInstance<NetraFrameFormat>(provider)
            : ActivatorUtilities.CreateInstance<ProtocolFrameFormat>(provider))
        .AddSingleton<IHistoryFormat>(provider => provider.GetRequiredService<PlatformDialect>().IsNetraApex
            ? ActivatorUtilities.CreateInstance<NetraHistoryFormat>(provider)
            : new ProtocolHistoryFormat())
        .AddSingleton<ThreadRepository>()
        .AddSingleton<MessageRepository>()
        .AddSingleton<RunRepository>()
        .AddSingleton<UserMessageIntake>()
        .AddSingleton<EventPublisher>()
        .AddSingleton<BackendReadiness>()
        .AddSingleton<ConnectionRegistry>()
        .AddHostedService<EventSubscriber>()
        .AddSingleton<ToolSelector>()
        .AddSingleton<AgentVoice>()
        .AddSingleton<RunEventStreams>()
        .AddSingleton<AgentRunner>()
        .AddSingleton<UserMessageHandler>()
        .AddSingleton<ClientMessageDispatcher>()
        .AddSingleton<WebSocketSession>();

    public static void MapBackend(this WebApplication app)
    {
        app.UseChatPage();
        app.MapReadiness();
        app.MapThreadEndpoints();
        app.MapChatWebSocket();
    }
}
