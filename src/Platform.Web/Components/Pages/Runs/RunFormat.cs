using System.Globalization;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Compact times and durations for dense tables.</summary>
public static class RunFormat
{
    public static string Time(DateTimeOffset? at, TimeProvider time)
    {
        if (at is not { } value)
        {
            return "";
        }

        var local = value.ToLocalTime();
        // Today's times need no date; older ones need no seconds.
        return local.Date == time.GetLocalNow().Date
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Date and time, always both: when a run was created is read across days.</summary>
    public static string DateTime(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalSeconds: < 1 } d => $"{d.TotalMilliseconds:0} ms",
        { TotalMinutes: < 1 } d => $"{d.TotalSeconds:0.0} s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds:00} s",
        { } d => $"{(int)d.TotalHours} h {d.Minutes:00} min",
    };
}
