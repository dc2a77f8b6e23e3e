using System.Text.Json;
using Quartz.Spi;

namespace RegionalWarehouse.Etl.Workers;

/// <summary>
/// Quartz's ADO store needs an object serializer; BinaryFormatter is gone from .NET and the JSON
/// serializer packages for Quartz 3 are not on our package mirror. Job data is stored as string
/// properties (UseProperties), so this only ever sees simple objects.
/// </summary>
public sealed class QuartzJsonSerializer : IObjectSerializer
{
    public void Initialize() { }

    public byte[] Serialize<T>(T obj) where T : class => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType());

    public T? DeSerialize<T>(byte[] data) where T : class => JsonSerializer.Deserialize<T>(data);
}
