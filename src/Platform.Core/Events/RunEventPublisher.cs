using Npgsql;

namespace Platform.Core.Events;

/// <summary>Delivers run events to this process's subscribers at once and to other processes through NOTIFY.</summary>
public sealed class RunEventPublisher(NpgsqlDataSource dataSource, RunEventBus bus, InstanceIdentity instance)
{
    public Task PublishAsync(RunEvent runEvent, CancellationToken cancellationToken) =>
        PublishAsync([runEvent], cancellationToken);

    /// <summary>
    /// Publishes several events with one round trip to the database, so a batch covering many runs costs the
    /// publisher no more than one run does.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<RunEvent> runEvents, CancellationToken cancellationToken)
    {
        foreach (var runEvent in runEvents)
        {
            bus.Publish(runEvent);
        }

        var payloads = runEvents.SelectMany(e => RunEventCodec.Encode(e, instance.Id)).ToArray();
        await using var command = dataSource.CreateCommand(
            $"SELECT pg_notify('{NotificationChannels.Events}', p) FROM unnest(@payloads) AS p");
        command.Parameters.AddWithValue("payloads", payloads);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
