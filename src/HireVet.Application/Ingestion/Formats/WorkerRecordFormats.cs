using System.Text.Json;
using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Formats.Banking;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>HireVet's NDJSON formats for the other integrations, one object a line, each with the worker's work e-mail
/// as `user` and the sender's own `eventId`:
/// endpoint snapshots from EDR/MDM (deviceId, takenAt, publicIp, serialNumber, installedSoftware [names],
/// usbDevices [{name, vendorId, productId}]); MFA registrations (deviceId, registeredAt); payroll destination changes
/// from the HRIS (effectiveDate, payrollDestination: the dossier's fields); equipment records (assetSerialShipped,
/// serialSeenAtOnboarding, shipTo: a postal address, recordedAt).</summary>
public static class WorkerRecordFormats
{
    public static Parsed<IncomingRecord> Parse(string kind, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return Parsed<IncomingRecord>.Invalid(new Dictionary<string, string[]> { ["event"] = ["Must be a JSON object."] });
        var f = new EventFields(e);
        var id = f.Text("eventId", required: true, maxLength: 200);
        var principal = f.Principal("user");
        var record = kind switch
        {
            RecordKinds.Endpoint => Endpoint(f),
            RecordKinds.Mfa => Mfa(f),
            RecordKinds.Payroll => Payroll(f),
            RecordKinds.Equipment => Equipment(f),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown record kind."),
        };
        if (f.HasErrors || record is null) return Parsed<IncomingRecord>.Invalid(f.Errors);
        var (at, device, data, secret) = record.Value;
        return Parsed<IncomingRecord>.Ok(new IncomingRecord(kind, id!, principal!, at, device, data.ToJsonString(), secret));
    }

    private static (DateTimeOffset, string?, JsonObject, string?)? Endpoint(EventFields f)
    {
        var device = f.Text("deviceId", required: true, maxLength: 200);
        var at = f.Time("takenAt", required: true);
        var ip = f.Ip("publicIp");
        var serial = f.Text("serialNumber", maxLength: 100);
        var software = f.TextArray("installedSoftware");
        var usb = new JsonArray();
        if (f.Find("usbDevices") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array) f.Error("usbDevices", "Must be an array.");
            else
            {
                var i = 0;
                foreach (var d in list.EnumerateArray())
                {
                    var item = new EventFields(d);
                    var name = item.Text("name", required: true, maxLength: 300);
                    var vendor = item.Text("vendorId", maxLength: 4);
                    var product = item.Text("productId", maxLength: 4);
                    foreach (var (field, message) in item.Errors) f.Error($"usbDevices[{i}].{field}", message[0]);
                    if (vendor is not null && !IsHex4(vendor)) f.Error($"usbDevices[{i}].vendorId", "Must be 4 hex digits (1d6b).");
                    if (product is not null && !IsHex4(product)) f.Error($"usbDevices[{i}].productId", "Must be 4 hex digits (0104).");
                    usb.Add(new JsonObject { ["name"] = name, ["vendorId"] = vendor?.ToLowerInvariant(), ["productId"] = product?.ToLowerInvariant() });
                    i++;
                }
            }
        }
        var latency = InputLatency(f, f.Spelling("inputLatencyMs", "inputLatency", "input_latency_ms"));
        if (at is null || device is null) return null;
        return (at.Value, device, new JsonObject
        {
            ["deviceId"] = device, ["takenAt"] = at.Value.ToString("O"), ["publicIp"] = ip, ["serialNumber"] = serial,
            ["installedSoftware"] = new JsonArray([.. software.Select(s => (JsonNode)s)]), ["usbDevices"] = usb, ["inputLatencyMs"] = latency,
        }, null);
    }

    private static (DateTimeOffset, string?, JsonObject, string?)? Mfa(EventFields f)
    {
        var device = f.Text("deviceId", required: true, maxLength: 200);
        var at = f.Time("registeredAt", required: true);
        if (at is null || device is null) return null;
        return (at.Value, device, new JsonObject { ["deviceId"] = device, ["registeredAt"] = at.Value.ToString("O") }, null);
    }

    private static (DateTimeOffset, string?, JsonObject, string?)? Payroll(EventFields f)
    {
        var effective = f.Date("effectiveDate", required: true);
        PayrollDestination? destination = null;
        if (f.Find("payrollDestination") is not { } raw) f.Error("payrollDestination", "Required.");
        else
        {
            try { destination = raw.Deserialize<PayrollDestination>(DossierJson.Options); }
            catch (JsonException) { f.Error("payrollDestination", "Must be a payroll destination object, as in a dossier."); }
        }
        if (destination is not null)
        {
            if (Vocabulary.PayrollMethods.Canonical(destination.Method) is { } method) destination = destination with { Method = method };
            else f.Error("payrollDestination.method", $"Must be {Vocabulary.PayrollMethods.Accepted}.");
            if (destination.Iban is not null && !Iban.IsValid(destination.Iban))
                f.Error("payrollDestination.iban", "Is not a valid IBAN (format or check digits).");
            if (destination.BankCountry is not null && !CountryCodes.IsIsoAlpha2(destination.BankCountry))
                f.Error("payrollDestination.bankCountry", "Must be an ISO 3166-1 alpha-2 code such as US.");
        }
        if (effective is null || destination is null) return null;
        var redacted = destination with { Iban = null, AccountNumber = null, WalletAddress = null };
        var secret = JsonSerializer.Serialize(new { destination.Iban, destination.AccountNumber, destination.WalletAddress }, DossierJson.Options);
        return (new DateTimeOffset(effective.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null, new JsonObject
        {
            ["effectiveDate"] = effective.Value.ToString("yyyy-MM-dd"),
            ["payrollDestination"] = JsonSerializer.SerializeToNode(redacted, DossierJson.Options),
        }, secret);
    }

    private static (DateTimeOffset, string?, JsonObject, string?)? Equipment(EventFields f)
    {
        var shipped = f.Text("assetSerialShipped", required: true, maxLength: 100);
        var seen = f.Text("serialSeenAtOnboarding", maxLength: 100);
        var at = f.Time("recordedAt", required: true);
        JsonNode? shipTo = null;
        if (f.Find("shipTo") is { } address)
        {
            try { shipTo = JsonSerializer.SerializeToNode(address.Deserialize<PostalAddress>(DossierJson.Options), DossierJson.Options); }
            catch (JsonException) { f.Error("shipTo", "Must be a postal address object, as in a dossier."); }
        }
        if (at is null || shipped is null) return null;
        return (at.Value, null, new JsonObject
        {
            ["assetSerialShipped"] = shipped, ["serialSeenAtOnboarding"] = seen, ["shipTo"] = shipTo, ["recordedAt"] = at.Value.ToString("O"),
        }, null);
    }

    /// <summary>The agent's optional input-to-host latency, {p50, p95, samples} in ms; p50 may be missing. Null when
    /// absent (NET-16 is then not evaluated), errors by field when malformed.</summary>
    private static JsonObject? InputLatency(EventFields f, string path)
    {
        if (f.Find(path) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            f.Error(path, "Must be an object: {\"p50\": ms, \"p95\": ms, \"samples\": count}.");
            return null;
        }
        var p50 = Number(f, $"{path}.p50", required: false);
        var p95 = Number(f, $"{path}.p95", required: true);
        var samples = Number(f, $"{path}.samples", required: true);
        if (samples is not null && samples != Math.Floor(samples.Value)) f.Error($"{path}.samples", "Must be a whole number.");
        if (p50 is not null && p95 is not null && p50 > p95) f.Error($"{path}.p50", "Is above p95.");
        if (p95 is null || samples is null) return null;
        return new JsonObject { ["p50"] = p50, ["p95"] = p95, ["samples"] = (int)samples.Value };
    }

    /// <summary>A non-negative number below a minute (a JSON number, or one written as text as CSV exports do).</summary>
    private static double? Number(EventFields f, string path, bool required)
    {
        var text = f.Text(path, required, maxLength: 20);
        if (text is null) return null;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and < 60_000)
            return n;
        f.Error(path, "Must be a number from 0 to 60000.");
        return null;
    }

    private static bool IsHex4(string s) => s.Length == 4 && s.All(Uri.IsHexDigit);
}
