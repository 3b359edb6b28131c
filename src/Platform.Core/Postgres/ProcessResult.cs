namespace Platform.Core.Postgres;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
