using HireVet.Application.Access;
using HireVet.Application.Audit;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Security;
using HireVet.Infrastructure.Security;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Cli;

/// <summary>Non-interactive operator commands, for bootstrapping and scripts:
///   admin migrate                                      (MigrateCommand: as the owner, in a process of its own)
///   admin create-user --username NAME --role ROLE [--display-name TEXT] (--password-stdin | --password-env VAR)
///   admin create-api-key --name NAME --role ROLE        (prints the key once)
///   admin walk-audit-chain                              (exit 0 intact, 1 broken)
///   admin rewrap-key-ring                               (re-encrypts the key ring with the current KEK)
///   admin create-key-encryption-key --out FILE          (no database needed; refuses to overwrite)
///   admin verify-audit [--checkpoints FILE] [--public-key FILE]   (the walk and the signed checkpoints; exit 0 / 1)
///   admin sign-audit-checkpoint                         (sign a checkpoint now)
///   admin create-signing-key --out FILE                 (a new ECDSA P-256 key for Audit:SigningKeyFile; no database)
/// Every command that changes state is audited as actor "cli:$USER" with role admin; the walk is recorded with the
/// scheduler's walks instead.</summary>
public static class AdminCli
{
    public const string Usage = """
        usage: HIREVET_OWNER_DATABASE_URL=... hirevet admin migrate [--app-password-file FILE]
               hirevet admin create-user --username NAME --role hr|security|auditor|admin [--display-name TEXT] (--password-stdin | --password-env VAR)
               hirevet admin create-api-key --name NAME --role hr|security|auditor|admin
               hirevet admin walk-audit-chain
               hirevet admin rewrap-key-ring
               hirevet admin create-key-encryption-key --out FILE
               hirevet admin verify-audit [--checkpoints FILE] [--public-key FILE ...]
               hirevet admin sign-audit-checkpoint
               hirevet admin create-signing-key --out FILE
        """;

    public const string CreateKeyEncryptionKey = "create-key-encryption-key";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        try
        {
            await services.GetRequiredService<KeyRingWrapping>().PrepareAsync();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Explicit =
                new Actor($"cli:{Environment.UserName}", Roles.Admin);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            switch (args.FirstOrDefault())
            {
                case "create-user":
                    var id = await mediator.Send(new CreateUser.Command
                    {
                        Username = Option(args, "--username"), Role = Option(args, "--role"),
                        DisplayName = Option(args, "--display-name"), Password = ReadPassword(args),
                    });
                    Console.WriteLine($"Created user {Option(args, "--username")} (id {id}).");
                    return 0;
                case "create-api-key":
                    var key = await mediator.Send(new CreateApiKey.Command { Name = Option(args, "--name"), Role = Option(args, "--role") });
                    Console.WriteLine(key.Key);
                    Console.Error.WriteLine($"API key {key.Id} with role {key.Role}. Send it as the X-Api-Key header; it is not shown again.");
                    return 0;
                case "walk-audit-chain":
                    var walk = await mediator.Send(new RecordAuditChainWalk.Command());
                    if (walk.Valid)
                    {
                        Console.WriteLine($"The audit chain is intact: {walk.RecordsChecked} records walked in {walk.Duration.TotalSeconds:0.0} s; head {walk.HeadHash ?? "(empty)"}.");
                        return 0;
                    }
                    Console.WriteLine($"The audit chain is broken at {(walk.FirstBrokenSeq is { } seq ? $"link {seq}" : $"record id {walk.FirstBrokenId}")}: {walk.Problem}");
                    return 1;
                case "rewrap-key-ring":
                    var rewrap = await services.GetRequiredService<KeyRingWrapping>().RewrapAllAsync();
                    Console.WriteLine($"Key ring: {rewrap.Elements} elements; {rewrap.Rewrapped} re-wrapped from a previous key-encryption key, {rewrap.WrappedFromClear} wrapped from clear, {rewrap.AlreadyCurrent} already under the current key {services.GetRequiredService<KeyEncryptionKeys>().CurrentId}.");
                    Console.WriteLine($"No element needs a previous key any more: remove it from {KeyEncryptionKeys.PreviousFilesSetting}.");
                    return 0;
                case "verify-audit":
                    return await VerifyAuditAsync(mediator, args);
                case "sign-audit-checkpoint":
                    var signed = await mediator.Send(new SignAuditCheckpoint.Command());
                    Console.WriteLine(signed.Message);
                    if (signed.Checkpoint is { } checkpoint) Console.WriteLine($"Root {checkpoint.Root}, head {checkpoint.HeadSeq} {checkpoint.HeadHash}, key {checkpoint.KeyId}.");
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (FluentValidation.ValidationException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine($"{error.PropertyName}: {error.ErrorMessage}");
            return 2;
        }
        catch (HireVet.Application.Common.Errors.ConflictException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            Console.Error.WriteLine($"Already exists ({e.ConstraintName}).");
            return 1;
        }
        catch (KeyEncryptionKeyMissingException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Writes a new key-encryption key (32 random bytes, base64) to a new file only its owner can read.</summary>
    public static int CreateKeyEncryptionKeyFile(string[] args)
    {
        if (Option(args, "--out") is not { Length: > 0 } path)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options)) file.WriteLine(KeyEncryptionKeys.Generate());
            var id = KeyEncryptionKeys.From(new ConfigurationBuilder()
                .AddInMemoryCollection([new(KeyEncryptionKeys.FileSetting, path)]).Build()).CurrentId;
            Console.WriteLine($"Wrote key-encryption key {id} to {path} (mode 600). Keep a copy outside the database's backups; name it in {KeyEncryptionKeys.FileSetting}.");
            return 0;
        }
        catch (IOException) when (File.Exists(path))
        {
            Console.Error.WriteLine($"{path} already exists: a key file is never overwritten.");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write {path}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The full walk, then the checkpoints: the configured file and keys, or those given (an auditor's copies).</summary>
    private static async Task<int> VerifyAuditAsync(IMediator mediator, string[] args)
    {
        var keyFiles = Options(args, "--public-key");
        var checkpoints = new VerifyAuditCheckpoints.Query
        {
            CheckpointFile = Option(args, "--checkpoints") is { } file ? Path.GetFullPath(file) : null,
            TrustedKeys = keyFiles.Length == 0 ? null : AuditSigning.KeysFromPem(keyFiles.Select(f => (ReadText(f), $"--public-key {f}"))),
        };
        var result = await mediator.Send(new VerifyAuditChain.Query { Checkpoints = checkpoints });
        Console.WriteLine(result.Valid
            ? $"Chain walk: intact, {result.RecordsChecked} records; head {result.HeadHash ?? "(empty)"}."
            : $"Chain walk: broken at {(result.FirstBrokenSeq is { } seq ? $"link {seq}" : $"record id {result.FirstBrokenId}")}: {result.Problem}");
        var c = result.Checkpoints;
        Console.WriteLine($"Checkpoints: {c.Message}");
        foreach (var problem in c.Problems) Console.WriteLine($"  PROBLEM: {problem}");
        if (result.Valid && c.Valid) Console.WriteLine(c.Signed ? "The audit trail verifies against its signed checkpoints." : "The chain is intact; it is not checked against signed checkpoints.");
        return result.Valid && c.Valid ? 0 : 1;
    }

    /// <summary>admin create-signing-key --out FILE: writes a new P-256 private key (PKCS#8 PEM, mode 600) and prints its
    /// public key and key id. Never overwrites: a key that signed checkpoints must not silently disappear.</summary>
    public static int CreateSigningKey(string[] args)
    {
        if (Option(args, "--out") is not { Length: > 0 } path)
        {
            Console.Error.WriteLine("usage: hirevet admin create-signing-key --out FILE");
            return 2;
        }
        var (privatePem, publicPem, keyId) = AuditSigning.CreateKey();
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(path, options))
            using (var writer = new StreamWriter(file))
                writer.Write(privatePem);
        }
        catch (IOException e) when (File.Exists(path))
        {
            Console.Error.WriteLine($"{path} already exists; not overwriting it ({e.Message}).");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write {path}: {e.Message}");
            return 1;
        }
        Console.Error.WriteLine($"Wrote an ECDSA P-256 private key to {path} (mode 600). Set Audit__SigningKeyFile={Path.GetFullPath(path)} and " +
                                "Audit__CheckpointFile; keep a copy of the public key below with the auditors.");
        Console.Error.WriteLine($"Key id: {keyId}");
        Console.Write(publicPem);
        return 0;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"--public-key: cannot read {path} ({e.Message}).", e);
        }
    }

    private static string[] Options(string[] args, string name) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1])];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string? ReadPassword(string[] args) =>
        args.Contains("--password-stdin") ? Console.In.ReadLine()?.TrimEnd('\r', '\n')
        : Option(args, "--password-env") is { } variable ? Environment.GetEnvironmentVariable(variable)
        : null;
}
