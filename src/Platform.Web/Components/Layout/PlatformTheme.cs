using MudBlazor;

namespace Platform.Web.Components.Layout;

internal static class PlatformTheme
{
    // System fonts only: the machines this runs on may have no internet for web fonts.
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
        },
    };
}
