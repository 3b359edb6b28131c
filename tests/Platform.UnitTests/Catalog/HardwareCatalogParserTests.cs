using System.Text;
using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;

namespace Platform.UnitTests.Catalog;

/// <summary>
/// A user's catalogue is checked field by field, each problem naming its path, and a crafted file is refused with
/// bounded memory: the size before any byte is read, the entries before any is built.
/// </summary>
public sealed class HardwareCatalogParserTests
{
    [Fact]
    public void A_valid_catalogue_parses_with_defaults_for_the_optional_fields()
    {
        var parsed = HardwareCatalogParser.Parse(CatalogFiles.With(CatalogFiles.NewModel, CatalogFiles.NewGpu));

        Assert.Empty(parsed.Errors);
        Assert.Equal(new CatalogModel("test-model", "test-model", 6144, 48, 48, 8, 16384, 65536, 1, 1, "written by the test"), Assert.Single(parsed.Catalog!.Models));
        Assert.Equal(new CatalogGpu("test-gpu", "Test GPU", 500, 4, 96, 400, "written by the test"), Assert.Single(parsed.Catalog.Gpus));
    }

    [Theory]
    [InlineData("""{ "name": "m", "hiddenSize": 4096, "heads": 64, "kvHeads": 5, "source": "s" }""", "models[2].kvHeads must divide heads (64); got 5.")]
    [InlineData("""{ "name": "m", "hiddenSize": 4000, "heads": 64, "source": "s" }""", "models[2].heads must divide hiddenSize (4000); got 64.")]
    [InlineData("""{ "name": "m", "hiddenSize": 40000, "source": "s" }""", "models[2].hiddenSize must be 64-32768 (got 40000).")]
    [InlineData("""{ "name": "m", "hiddenSize": 4096.5, "source": "s" }""", "models[2].hiddenSize must be a whole number (got 4096.5).")]
    [InlineData("""{ "name": "m", "hiddenSize": 4096, "experts": 2, "expertsPerToken": 3, "source": "s" }""", "models[2].expertsPerToken must not exceed experts (2); got 3.")]
    [InlineData("""{ "name": "m", "hiddenSize": 4096 }""", "models[2].source is missing.")]
    [InlineData("""{ "name": "M 1", "hiddenSize": 4096, "source": "s" }""", "models[2].name must use only a-z, 0-9, '-', '.' and '_' (got 'M 1').")]
    [InlineData("""{ "name": "m", "hidden": 4096, "hiddenSize": 4096, "source": "s" }""", "models[2].hidden is not a field;")]
    [InlineData("""{ "name": "test-model", "hiddenSize": 4096, "source": "s" }""", "models[2].name 'test-model' repeats models[0].")]
    public void A_bad_model_field_is_named_by_its_path(string model, string message)
    {
        var parsed = HardwareCatalogParser.Parse(CatalogFiles.With($"{CatalogFiles.NewModel}, {CatalogFiles.NewModel.Replace("test-model", "other")}, {model}"));

        Assert.Null(parsed.Catalog);
        Assert.Contains(parsed.Errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"fp16Tflops\": -5", "gpus[0].fp16Tflops must be 1-100000 (got -5).")]
    [InlineData("\"fp16Tflops\": \"500\"", "gpus[0].fp16Tflops must be a number (got a string of 3 characters).")]
    [InlineData("\"hbmTBps\": 2039", "gpus[0].hbmTBps must be 0.01-100 (got 2039).")]
    [InlineData("\"linkGBps\": null", "gpus[0].linkGBps is missing.")]
    public void A_bad_gpu_field_is_named_by_its_path(string field, string message)
    {
        var name = field.Split(':')[0].Trim('"');
        var gpu = System.Text.RegularExpressions.Regex.Replace(CatalogFiles.NewGpu, $"\"{name}\": [^,]+", field);

        var parsed = HardwareCatalogParser.Parse(CatalogFiles.With(gpus: gpu));

        Assert.Null(parsed.Catalog);
        Assert.Equal(message, Assert.Single(parsed.Errors));
    }

    [Theory]
    [InlineData("""{ "version": 2, "models": [], "gpus": [] }""", "version must be 1.")]
    [InlineData("""{ "version": 1, "models": {} }""", "models must be an array.")]
    [InlineData("""[1, 2]""", "The file must be a JSON object")]
    [InlineData("""{ "version": 1, "models": [{ "name": "m", "hiddenSize": 40""", "The file is not valid JSON")]
    [InlineData("""{ "version": 1, "models": [[[[[[[[[[1]]]]]]]]]] }""", "The file is not valid JSON")]
    public void A_malformed_file_is_refused_with_a_clear_message(string json, string message)
    {
        var parsed = HardwareCatalogParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(parsed.Catalog);
        Assert.StartsWith(message, Assert.Single(parsed.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_string_is_refused_naming_its_field()
    {
        var model = CatalogFiles.NewModel.Replace("written by the test", new string('x', 600_000), StringComparison.Ordinal);

        var parsed = HardwareCatalogParser.Parse(CatalogFiles.With(model));

        Assert.Equal("models[0].source must be 1-500 characters (got 600000).", Assert.Single(parsed.Errors));
    }

    [Fact]
    public void A_million_entries_are_refused_by_size_before_they_are_parsed()
    {
        var json = CatalogFiles.With(string.Join(",", Enumerable.Repeat("{}", 1_000_000)));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var parsed = HardwareCatalogParser.Parse(json);

        Assert.StartsWith($"The file is {json.Length} bytes; a hardware catalogue may have at most {HardwareCatalogParser.MaxBytes}.", Assert.Single(parsed.Errors));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64 << 10);
    }

    [Fact]
    public void Too_many_entries_within_the_size_cap_are_refused_before_any_is_built()
    {
        var json = CatalogFiles.With(gpus: string.Join(",", Enumerable.Repeat(CatalogFiles.NewGpu, HardwareCatalogParser.MaxEntries + 1)));
        Assert.InRange(json.Length, 0, HardwareCatalogParser.MaxBytes);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var parsed = HardwareCatalogParser.Parse(json);

        Assert.Equal($"gpus has {HardwareCatalogParser.MaxEntries + 1} entries; a catalogue may have at most {HardwareCatalogParser.MaxEntries}.", Assert.Single(parsed.Errors));
        // The parsed document's index (a few times the file's tokens), never the entries' records.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4L * json.Length);
    }

    [Fact]
    public async Task A_stored_dataset_larger_than_the_cap_is_refused_before_a_byte_is_read()
    {
        var reader = new OversizedReader();

        var parsed = await HardwareCatalogDataset.ReadAsync(Guid.NewGuid(), reader, TestContext.Current.CancellationToken);

        Assert.StartsWith("The file is 4294967296 bytes", Assert.Single(parsed.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_uploaded_entry_replaces_the_built_in_one_of_its_name_and_adds_the_others()
    {
        var a100 = CatalogFiles.NewGpu.Replace("test-gpu", "a100-80g", StringComparison.Ordinal);
        var uploaded = HardwareCatalogParser.Parse(CatalogFiles.With(CatalogFiles.NewModel, $"{a100}, {CatalogFiles.NewGpu}")).Catalog!;

        var merged = HardwareCatalog.BuiltIn.ExtendedBy(uploaded);

        Assert.Equal(500, merged.Gpu("a100-80g").Fp16Tflops);
        Assert.Equal(4256, merged.Model("t-nlg").HiddenSize);
        Assert.Equal(HardwareCatalog.BuiltIn.Gpus.Count + 1, merged.Gpus.Count);
        Assert.Equal(HardwareCatalog.BuiltIn.Models.Count + 1, merged.Models.Count);
    }

    /// <summary>A dataset whose stream fails the test if it is read at all.</summary>
    private sealed class OversizedReader : IDatasetReader
    {
        public Task<DatasetContent?> OpenAsync(Guid id, CancellationToken cancellationToken) =>
            Task.FromResult<DatasetContent?>(new DatasetContent(id, HardwareCatalogDataset.Format, "", 1L << 32, new UnreadableStream()));
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("read");
    }
}
