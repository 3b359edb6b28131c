using System.Text;

namespace Platform.UnitTests.Catalog;

/// <summary>Hardware-catalog files for the tests.</summary>
internal static class CatalogFiles
{
    public const string NewGpu = """{ "name": "test-gpu", "label": "Test GPU", "fp16Tflops": 500, "hbmTBps": 4, "memoryGB": 96, "linkGBps": 400, "source": "written by the test" }""";

    public const string NewModel = """{ "name": "test-model", "hiddenSize": 6144, "layers": 48, "heads": 48, "kvHeads": 8, "ffnSize": 16384, "vocab": 65536, "source": "written by the test" }""";

    public static byte[] With(string models = "", string gpus = "") =>
        Encoding.UTF8.GetBytes($$"""{ "version": 1, "models": [{{models}}], "gpus": [{{gpus}}] }""");
}
