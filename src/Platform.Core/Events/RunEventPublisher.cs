using Npgsql;

namespace Platform.Core.Events;

/// <summary>Delivers a run event to this process's subscribers at once and to other processes through NOTIFY.</summary>
public sealed class RunEventPublisher(NpgsqlDataSource dataSource, RunEventBus bus, InstanceIdentity instance)
{
    public async Task PublishAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        bus.Publish(runEvent);
        var payloads = RunEventCodec.Encode(runEvent, instance.Id).ToArray();
        await using var command = dataSource.CreateCommand(
            $"SELECT pg_notify('{NotificationChannels.Events}', p) FROM unnest(@payloads) AS p");
        command.Parameters.AddWithValue("payloads", payloads);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
