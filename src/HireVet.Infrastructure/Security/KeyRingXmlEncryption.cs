using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.Infrastructure.Security;

/// <summary>Wraps each new Data Protection key with the current key-encryption key before it is stored.</summary>
public sealed class KeyRingXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(keys.Encrypt(plaintextElement), typeof(KeyRingXmlDecryptor));
}

/// <summary>Data Protection names this type in each stored key (decryptorType) and creates it through its activator,
/// which passes the application's service provider.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => services.GetRequiredService<KeyEncryptionKeys>().Decrypt(encryptedElement);
}
