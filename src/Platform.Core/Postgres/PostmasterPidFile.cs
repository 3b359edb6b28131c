using System.Globalization;

namespace Platform.Core.Postgres;

/// <summary>
/// Reads a data folder's postmaster.pid to tell a live server from a crashed run's leftover. Every process of a
/// server has the data folder as its working directory, which makes "is anything still running here" exact.
/// </summary>
internal static class PostmasterPidFile
{
    public enum State
    {
        /// <summary>No postmaster.pid: the server is stopped.</summary>
        None,

        /// <summary>The postmaster named in the file is alive and serves this folder.</summary>
        Running,

        /// <summary>No live process works in the folder: the file is a leftover, safe to delete.</summary>
        Stale,

        /// <summary>The postmaster is gone but some of its processes are not: leave it to the server's own checks.</summary>
        Unclear,
    }

    public static State Inspect(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(path))
        {
            return State.None;
        }
        var live = LiveProcessesIn(dataDirectory).ToList();
        if (live.Count == 0)
        {
            // Also covers a zombie postmaster (a parent that does not reap, e.g. dotnet as PID 1 in a container) and
            // a PID reused by an unrelated process after a container restart: the server itself would refuse both.
            return State.Stale;
        }
        var firstLine = File.ReadLines(path).FirstOrDefault();
        return int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && live.Contains(pid)
            ? State.Running
            : State.Unclear;
    }

    public static void Delete(string dataDirectory) => File.Delete(Path.Combine(dataDirectory, "postmaster.pid"));

    private static IEnumerable<int> LiveProcessesIn(string directory)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && WorkingDirectory(entry) == directory
                && !IsZombie(entry))
            {
                yield return pid;
            }
        }
    }

    private static string? WorkingDirectory(string procEntry)
    {
        try
        {
            return new DirectoryInfo(Path.Combine(procEntry, "cwd")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile, or another user's process: not one of ours
        }
    }

    private static bool IsZombie(string procEntry)
    {
        try
        {
            // "pid (name) S ...": the name may contain spaces and parentheses, the state follows the last ')'.
            var stat = File.ReadAllText(Path.Combine(procEntry, "stat"));
            return stat[stat.LastIndexOf(')') + 2] is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
