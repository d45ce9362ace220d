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
}
