//! A resource's attached file: a summary sheet, a guide or a template a librarian uploads,
//! kept beside the resource in the database. A row there holds at most about 2 MB, so a file
//! is capped below that; longer media (podcasts, videos) stay links. Only a few document and
//! image types are taken, and a file must start as its type does: a file is served to
//! strangers, so what it says it is must be what it is.

use serde::{Deserialize, Serialize};

use crate::registration::Refusal;

/// The largest file kept, in bytes.
pub const MAX_FILE_BYTES: usize = 1_500_000;
/// The longest file name kept, in characters.
pub const MAX_FILE_NAME: usize = 120;

/// The kinds of file a resource can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    /// OpenDocument text (LibreOffice).
    Odt,
    /// Office Open XML text (Word).
    Docx,
}

impl FileType {
    pub const ALL: [FileType; 5] = [
        FileType::Pdf,
        FileType::Png,
        FileType::Jpeg,
        FileType::Odt,
        FileType::Docx,
    ];

    /// The type a request's `Content-Type` names (parameters and case ignored).
    pub fn parse(content_type: &str) -> Option<FileType> {
        let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
        FileType::ALL
            .into_iter()
            .find(|t| t.media_type() == essence)
    }

    /// As stored and served.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// How a reader is told what it is (« PDF »).
    pub fn label(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Png => "PNG",
            FileType::Jpeg => "JPEG",
            FileType::Odt => "ODT",
            FileType::Docx => "DOCX",
        }
    }

    /// The bytes every file of this type starts with (both text formats are ZIP archives).
    fn signature(self) -> &'static [u8] {
        match self {
            FileType::Pdf => b"%PDF-",
            FileType::Png => b"\x89PNG\r\n\x1a\n",
            FileType::Jpeg => b"\xff\xd8\xff",
            FileType::Odt | FileType::Docx => b"PK\x03\x04",
        }
    }
}

/// A resource's file as readers are told of it (its bytes are fetched apart).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceFile {
    pub name: String,
    pub media_type: String,
    /// In bytes.
    pub size: u64,
}

impl ResourceFile {
    /// The file as a row joined to its resource holds it: none where the join found none.
    pub fn stored(
        name: Option<String>,
        media_type: Option<String>,
        size: Option<u64>,
    ) -> Option<ResourceFile> {
        Some(ResourceFile {
            name: name?,
            media_type: media_type?,
            size: size?,
        })
    }

    /// « PDF », or the media type itself for one this version does not name.
    pub fn label(&self) -> &str {
        match FileType::parse(&self.media_type) {
            Some(t) => t.label(),
            None => &self.media_type,
        }
    }
}

/// A file as uploaded: its name, the type its sender says, and its bytes (the size cap is
/// checked while reading, before the bytes are all here).
pub struct Upload<'a> {
    pub name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

impl Upload<'_> {
    /// The file to keep, or what is refused: a name (one line, no path), a type taken, and
    /// bytes that are of that type.
    pub fn check(&self) -> Result<ResourceFile, Vec<Refusal>> {
        let mut refused: Vec<Refusal> = vec![];
        let name = self.name.trim();
        if name.is_empty() {
            refused.push(("name".into(), "required"));
        } else if name.chars().count() > MAX_FILE_NAME {
            refused.push(("name".into(), "too-long"));
        } else if !is_file_name(name) {
            refused.push(("name".into(), "invalid-file-name"));
        }
        let file_type = FileType::parse(self.content_type);
        match file_type {
            None => refused.push(("type".into(), "unsupported-file-type")),
            Some(_) if self.bytes.is_empty() => refused.push(("file".into(), "empty-file")),
            Some(t) if !self.bytes.starts_with(t.signature()) => {
                refused.push(("file".into(), "not-its-type"))
            }
            Some(_) => {}
        }
        match file_type {
            Some(t) if refused.is_empty() => Ok(ResourceFile {
                name: name.to_owned(),
                media_type: t.media_type().to_owned(),
                size: self.bytes.len() as u64,
            }),
            _ => Err(refused),
        }
    }
}

/// A name a download can carry: no path, no control or invisible formatting character, no
/// quote or backslash, not only dots.
fn is_file_name(name: &str) -> bool {
    name.chars().all(|c| {
        !c.is_control()
            && !matches!(
                c,
                '/' | '\\' | '"' | ':' | '*' | '?' | '<' | '>' | '|' | '\u{200b}'..='\u{200f}'
            )
            && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    }) && name.chars().any(|c| c != '.')
}

/// A file's size as a reader reads it, rounded: « 240 ko », « 1,2 Mo » in French (decimal
/// comma, no-break space), "240 KB", "1.2 MB" otherwise.
pub fn size_label(bytes: u64, lang: crate::Lang) -> String {
    let french = lang.code() == "fr";
    let (units, comma) = if french {
        (["o", "ko", "Mo"], true)
    } else {
        (["B", "KB", "MB"], false)
    };
    let kilos = (bytes + 500) / 1_000;
    let text = if bytes < 1_000 {
        format!("{bytes}\u{a0}{}", units[0])
    } else if kilos < 1_000 {
        format!("{kilos}\u{a0}{}", units[1])
    } else {
        let tenths = (bytes + 50_000) / 100_000;
        let number = format!("{}.{}", tenths / 10, tenths % 10);
        format!("{}\u{a0}{}", number.trim_end_matches(".0"), units[2])
    };
    if comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The `Content-Disposition` of a download named `name`: saved, never shown in the page, under
/// its name (RFC 6266: `filename*` in UTF-8, and an ASCII `filename` for older readers).
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload<'a>(name: &'a str, content_type: &'a str, bytes: &'a [u8]) -> Upload<'a> {
        Upload {
            name,
            content_type,
            bytes,
        }
    }

    #[test]
    fn a_file_is_kept_with_its_trimmed_name_type_and_size() {
        let pdf = b"%PDF-1.7\n...";
        let kept = upload(
            " Fiche synthèse.pdf ",
            "Application/PDF; charset=binary",
            pdf,
        )
        .check()
        .expect("kept");
        assert_eq!(kept.name, "Fiche synthèse.pdf");
        assert_eq!(kept.media_type, "application/pdf");
        assert_eq!(kept.size, pdf.len() as u64);
        assert_eq!(kept.label(), "PDF");
        let docx = upload(
            "modèle.docx",
            FileType::Docx.media_type(),
            b"PK\x03\x04rest",
        );
        assert!(docx.check().is_ok());
    }

    #[test]
    fn a_file_must_be_what_its_type_says() {
        let refused = |u: Upload| u.check().expect_err("refused");
        assert_eq!(
            refused(upload("a.pdf", "application/pdf", b"<html>")),
            vec![("file".to_owned(), "not-its-type")]
        );
        assert_eq!(
            refused(upload("a.png", "image/png", b"%PDF-1.4")),
            vec![("file".to_owned(), "not-its-type")]
        );
        assert_eq!(
            refused(upload("a.html", "text/html", b"<html>")),
            vec![("type".to_owned(), "unsupported-file-type")]
        );
        assert_eq!(
            refused(upload("a.pdf", "application/pdf", b"")),
            vec![("file".to_owned(), "empty-file")]
        );
    }

    #[test]
    fn a_file_name_is_one_plain_name() {
        let refused = |name: &str| {
            upload(name, "application/pdf", b"%PDF-1.7")
                .check()
                .expect_err(name)
        };
        assert_eq!(refused("  "), vec![("name".to_owned(), "required")]);
        for name in [
            "../etc/passwd",
            "a\\b.pdf",
            "a\nb.pdf",
            "fiche\u{202e}fdp.exe",
            "..",
            "a\"b.pdf",
        ] {
            assert_eq!(
                refused(name),
                vec![("name".to_owned(), "invalid-file-name")],
                "{name:?}"
            );
        }
        assert_eq!(
            refused(&"a".repeat(MAX_FILE_NAME + 1)),
            vec![("name".to_owned(), "too-long")]
        );
    }

    #[test]
    fn a_download_is_saved_under_its_name_in_any_script() {
        assert_eq!(
            content_disposition("Fiche synthèse.pdf"),
            "attachment; filename=\"Fiche synth_se.pdf\"; \
             filename*=UTF-8''Fiche%20synth%C3%A8se.pdf"
        );
        assert_eq!(
            content_disposition("plan.pdf"),
            "attachment; filename=\"plan.pdf\"; filename*=UTF-8''plan.pdf"
        );
    }

    #[test]
    fn sizes_read_as_each_language_writes_them() {
        let fr = crate::Lang::parse("fr").expect("fr");
        let en = crate::Lang::parse("en").expect("en");
        assert_eq!(size_label(512, fr), "512\u{a0}o");
        assert_eq!(size_label(239_600, fr), "240\u{a0}ko");
        assert_eq!(size_label(1_240_000, fr), "1,2\u{a0}Mo");
        assert_eq!(size_label(1_000_000, fr), "1\u{a0}Mo");
        assert_eq!(size_label(1_240_000, en), "1.2\u{a0}MB");
        assert_eq!(size_label(999_999, en), "1\u{a0}MB");
    }

    #[test]
    fn every_type_is_one_the_migration_allows() {
        let migration = include_str!("../../../edge/migrations/0019_resource_files.sql");
        for t in FileType::ALL {
            assert!(
                migration.contains(&format!("'{}'", t.media_type())),
                "{t:?}"
            );
        }
    }
}
