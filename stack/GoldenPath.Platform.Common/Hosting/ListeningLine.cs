using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.Platform.Common.Hosting;

/// <summary>The one stdout line the process stack waits for: <c>GOLDENPATH_LISTENING &lt;service&gt; http(s)://&lt;address&gt;:&lt;port&gt;</c>.</summary>
public static class ListeningLine
{
    public static string For(string service, IServiceProvider services, IPAddress bindAddress)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server reports no address");
        var address = new Uri(addresses.First());
        return $"GOLDENPATH_LISTENING {service} {address.Scheme}://{ReachableHost(bindAddress)}:{address.Port}";
    }

    // A wildcard bind is reachable on loopback; the line must name an address a client can dial.
    private static string ReachableHost(IPAddress bindAddress)
    {
        if (bindAddress.Equals(IPAddress.Any))
        {
            return IPAddress.Loopback.ToString();
        }

        if (bindAddress.Equals(IPAddress.IPv6Any))
        {
            return $"[{IPAddress.IPv6Loopback}]";
        }

        return bindAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bindAddress}]" : bindAddress.ToString();
    }
}
