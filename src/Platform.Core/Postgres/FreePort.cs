using System.Net;
using System.Net.Sockets;

namespace Platform.Core.Postgres;

internal static class FreePort
{
    /// <summary>A loopback port that was free a moment ago (the caller retries if someone takes it meanwhile).</summary>
    public static int Pick()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
