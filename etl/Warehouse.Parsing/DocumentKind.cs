namespace Warehouse.Parsing;

public enum DocumentKind
{
    Empty,
    Text,
    Html,
    Docx,
    Pdf,
    OtherZip,
    LegacyOffice,
    EncryptedOffice,
    Binary,

    /// <summary>A web page saved with its pictures as one MIME file ("网页，单个文件", .mht/.mhtml).</summary>
    Mhtml,
}
