//! Text made safe to write into HTML, for the pages the Worker writes and the bits of markup
//! the app builds as text.

/// `text` with `& < > " '` escaped: safe in element content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_content_and_attributes() {
        assert_eq!(
            escape(r#"<b>"Émancip'Asso" & co</b>"#),
            "&lt;b&gt;&quot;Émancip&#39;Asso&quot; &amp; co&lt;/b&gt;"
        );
    }
}
